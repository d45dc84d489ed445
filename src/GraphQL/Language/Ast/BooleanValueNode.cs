namespace LowCode.GraphQL.Language.Ast;

/// <summary>true or false (spec §2.9.3).</summary>
public sealed record BooleanValueNode(bool Value) : ValueNode;
