namespace LowCode.GraphQL.Language.Ast;

/// <summary>An object type definition or extension (spec §3.6).</summary>
public sealed record ObjectTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields,
    bool IsExtension = false) : TypeDefinitionNode(Description, Name, Directives, IsExtension);
