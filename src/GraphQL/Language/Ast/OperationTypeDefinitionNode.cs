namespace LowCode.GraphQL.Language.Ast;

/// <summary>A root operation type of a schema (spec §3.3.1).</summary>
public sealed record OperationTypeDefinitionNode(LowCode.GraphQL.Execution.OperationKind Operation, NamedTypeNode Type) : SyntaxNode;
