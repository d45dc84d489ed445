namespace LowCode.GraphQL.Language.Ast;

/// <summary>A float literal, kept as text (spec §2.9.2).</summary>
public sealed record FloatValueNode(string Value) : ValueNode;
