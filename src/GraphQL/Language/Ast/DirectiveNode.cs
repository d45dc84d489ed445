namespace LowCode.GraphQL.Language.Ast;

/// <summary>A directive (spec §2.12).</summary>
public sealed record DirectiveNode(NameNode Name, IReadOnlyList<ArgumentNode> Arguments) : SyntaxNode;
