namespace LowCode.GraphQL.Language.Ast;

/// <summary>One value of an enum (spec §3.9).</summary>
public sealed record EnumValueDefinitionNode(StringValueNode? Description, NameNode Name, IReadOnlyList<DirectiveNode> Directives) : SyntaxNode;
