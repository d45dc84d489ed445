namespace LowCode.GraphQL.Language.Ast;

/// <summary>An input object definition or extension (spec §3.10).</summary>
public sealed record InputObjectTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<InputValueDefinitionNode> Fields,
    bool IsExtension = false) : TypeDefinitionNode(Description, Name, Directives, IsExtension);
