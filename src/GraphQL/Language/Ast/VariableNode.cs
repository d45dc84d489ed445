namespace LowCode.GraphQL.Language.Ast;

/// <summary>A variable reference (spec §2.10).</summary>
public sealed record VariableNode(NameNode Name) : ValueNode;
