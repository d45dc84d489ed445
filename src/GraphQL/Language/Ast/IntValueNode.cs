namespace LowCode.GraphQL.Language.Ast;

/// <summary>An integer literal, kept as text so no precision is lost before coercion (spec §2.9.1).</summary>
public sealed record IntValueNode(string Value) : ValueNode;
