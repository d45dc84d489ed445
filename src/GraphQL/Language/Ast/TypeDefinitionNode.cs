namespace LowCode.GraphQL.Language.Ast;

/// <summary>
/// A named type definition (spec §3.4) or, when <see cref="IsExtension"/> is set, its <c>extend</c> form
/// (spec §3.4.3); extensions carry no description.
/// </summary>
public abstract record TypeDefinitionNode(
    StringValueNode? Description,
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    bool IsExtension) : TypeSystemDefinitionNode;
