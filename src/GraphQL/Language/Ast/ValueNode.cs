namespace LowCode.GraphQL.Language.Ast;

/// <summary>An input value (spec §2.9).</summary>
public abstract record ValueNode : SyntaxNode;
