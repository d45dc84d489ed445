namespace LowCode.GraphQL.Language.Ast;

/// <summary>A non-null type reference (spec §2.11).</summary>
public sealed record NonNullTypeNode(TypeNode Type) : TypeNode;
