namespace LowCode.GraphQL.Language.Ast;

/// <summary>A list type reference (spec §2.11).</summary>
public sealed record ListTypeNode(TypeNode Type) : TypeNode;
