namespace LowCode.GraphQL.Language.Ast;

/// <summary>A list literal (spec §2.9.7).</summary>
public sealed record ListValueNode(IReadOnlyList<ValueNode> Values) : ValueNode;
