namespace LowCode.GraphQL.Language.Ast;

/// <summary>A named fragment (spec §2.8).</summary>
public sealed record FragmentDefinitionNode(
    NameNode Name,
    NamedTypeNode TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode(Directives, SelectionSet)
{
    /// <summary>The optional description (a newer spec draft that graphql-js 16 parses).</summary>
    public StringValueNode? Description { get; init; }
}
