namespace LowCode.GraphQL.Language.Ast;

/// <summary>An input object literal (spec §2.9.8).</summary>
public sealed record ObjectValueNode(IReadOnlyList<ObjectFieldNode> Fields) : ValueNode;
