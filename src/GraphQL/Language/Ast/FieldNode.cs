namespace LowCode.GraphQL.Language.Ast;

/// <summary>A field selection (spec §2.5).</summary>
public sealed record FieldNode(
    NameNode? Alias,
    NameNode Name,
    IReadOnlyList<ArgumentNode> Arguments,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode? SelectionSet) : SelectionNode(Directives)
{
    /// <summary>The key of this field in the response: its alias, or else its name.</summary>
    public string ResponseName => Alias?.Value ?? Name.Value;
}
