namespace LowCode.GraphQL.Language.Ast;

/// <summary>An inline fragment (spec §2.8.2).</summary>
public sealed record InlineFragmentNode(
    NamedTypeNode? TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : SelectionNode(Directives);
