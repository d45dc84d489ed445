namespace LowCode.GraphQL.Language.Ast;

/// <summary>A scalar definition (spec §3.5).</summary>
public sealed record ScalarTypeDefinitionNode(StringValueNode? Description, NameNode Name, IReadOnlyList<DirectiveNode> Directives, bool IsExtension = false) : TypeDefinitionNode(Description, Name, Directives, IsExtension);
