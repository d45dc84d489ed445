namespace LowCode.GraphQL.Language.Ast;

/// <summary>One field of an input object literal (spec §2.9.8).</summary>
public sealed record ObjectFieldNode(NameNode Name, ValueNode Value) : SyntaxNode;
