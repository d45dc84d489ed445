namespace LowCode.GraphQL.Language.Ast;

/// <summary>null (spec §2.9.5).</summary>
public sealed record NullValueNode : ValueNode;
