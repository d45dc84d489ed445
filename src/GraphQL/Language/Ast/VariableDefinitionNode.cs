namespace LowCode.GraphQL.Language.Ast;

/// <summary>A variable definition (spec §2.10).</summary>
public sealed record VariableDefinitionNode(
    VariableNode Variable,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode
{
    /// <summary>The optional description (a newer spec draft that graphql-js 16 parses).</summary>
    public StringValueNode? Description { get; init; }
}
