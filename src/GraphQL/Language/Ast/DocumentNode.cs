namespace LowCode.GraphQL.Language.Ast;

/// <summary>A whole document (spec §2.2).</summary>
public sealed record DocumentNode(IReadOnlyList<DefinitionNode> Definitions) : SyntaxNode;
