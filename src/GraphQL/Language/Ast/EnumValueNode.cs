namespace LowCode.GraphQL.Language.Ast;

/// <summary>An enum value (spec §2.9.6).</summary>
public sealed record EnumValueNode(string Value) : ValueNode;
