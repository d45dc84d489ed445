namespace LowCode.GraphQL.Language.Ast;

/// <summary>An argument or input field definition (spec §3.6.1).</summary>
public sealed record InputValueDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode;
