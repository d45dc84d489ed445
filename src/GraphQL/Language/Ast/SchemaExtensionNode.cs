namespace LowCode.GraphQL.Language.Ast;

/// <summary>A schema extension (spec §3.3.2).</summary>
public sealed record SchemaExtensionNode(
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemDefinitionNode;
