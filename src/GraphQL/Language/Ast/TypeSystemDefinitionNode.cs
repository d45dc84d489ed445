namespace LowCode.GraphQL.Language.Ast;

/// <summary>A type-system definition or extension (spec §3).</summary>
public abstract record TypeSystemDefinitionNode : DefinitionNode;
