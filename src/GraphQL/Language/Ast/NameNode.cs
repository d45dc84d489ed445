namespace LowCode.GraphQL.Language.Ast;

/// <summary>A name (spec §2.1.9).</summary>
public sealed record NameNode(string Value) : SyntaxNode;
