namespace LowCode.GraphQL.Language.Ast;

/// <summary>An operation or fragment definition (spec §2.2).</summary>
public abstract record ExecutableDefinitionNode(IReadOnlyList<DirectiveNode> Directives, SelectionSetNode SelectionSet) : DefinitionNode;
