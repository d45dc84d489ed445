namespace LowCode.GraphQL.Language.Ast;

/// <summary>A selection set (spec §2.4).</summary>
public sealed record SelectionSetNode(IReadOnlyList<SelectionNode> Selections) : SyntaxNode;
