namespace LowCode.GraphQL.Language.Ast;

/// <summary>A named type reference (spec §2.11).</summary>
public sealed record NamedTypeNode(NameNode Name) : TypeNode;
