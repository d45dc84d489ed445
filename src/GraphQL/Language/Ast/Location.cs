namespace LowCode.GraphQL.Language.Ast;

/// <summary>A span of the source: character offsets plus the one-based line and column of its start.</summary>
public readonly record struct Location(int Start, int End, int Line, int Column);
