namespace LowCode.GraphQL.Language.Ast;

/// <summary>An interface definition or extension (spec §3.7).</summary>
public sealed record InterfaceTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields,
    bool IsExtension = false) : TypeDefinitionNode(Description, Name, Directives, IsExtension);
