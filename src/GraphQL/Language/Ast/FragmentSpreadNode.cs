namespace LowCode.GraphQL.Language.Ast;

/// <summary>A fragment spread (spec §2.8).</summary>
public sealed record FragmentSpreadNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : SelectionNode(Directives);
