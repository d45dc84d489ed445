namespace LowCode.GraphQL.Language.Ast;

/// <summary>An enum definition or extension (spec §3.9).</summary>
public sealed record EnumTypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<EnumValueDefinitionNode> Values,
    bool IsExtension = false) : TypeDefinitionNode(Description, Name, Directives, IsExtension);
