namespace LowCode.GraphQL.Language.Ast;

/// <summary>An executable or type-system definition (spec §2.2).</summary>
public abstract record DefinitionNode : SyntaxNode;
