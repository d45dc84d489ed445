namespace LowCode.GraphQL.Language.Ast;

/// <summary>A union definition or extension (spec §3.8).</summary>
public sealed record UnionTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<NamedTypeNode> Types,
    bool IsExtension = false) : TypeDefinitionNode(Description, Name, Directives, IsExtension);
