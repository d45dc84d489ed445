namespace LowCode.GraphQL.Language.Ast;

/// <summary>A string or block string literal with escapes resolved (spec §2.9.4).</summary>
public sealed record StringValueNode(string Value, bool Block = false) : ValueNode;
