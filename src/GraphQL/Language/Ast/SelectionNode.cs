namespace LowCode.GraphQL.Language.Ast;

/// <summary>A field, fragment spread or inline fragment (spec §2.4).</summary>
public abstract record SelectionNode(IReadOnlyList<DirectiveNode> Directives) : SyntaxNode;
