namespace LowCode.GraphQL.Language.Ast;

/// <summary>An operation (spec §2.3).</summary>
public sealed record OperationDefinitionNode(
    LowCode.GraphQL.Execution.OperationKind Operation,
    NameNode? Name,
    IReadOnlyList<VariableDefinitionNode> VariableDefinitions,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode(Directives, SelectionSet)
{
    /// <summary>The optional description (a newer spec draft that graphql-js 16 parses).</summary>
    public StringValueNode? Description { get; init; }
}
