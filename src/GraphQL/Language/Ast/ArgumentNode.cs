namespace LowCode.GraphQL.Language.Ast;

/// <summary>An argument (spec §2.6).</summary>
public sealed record ArgumentNode(NameNode Name, ValueNode Value) : SyntaxNode;
