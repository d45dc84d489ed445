using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.1.1 Fragment Name Uniqueness: https://spec.graphql.org/October2021/#sec-Fragment-Name-Uniqueness</summary>
public sealed class UniqueFragmentNamesRule : ValidationRule
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        if (_known.TryGetValue(node.Name.Value, out var first))
        {
            Report($"There can be only one fragment named \"{node.Name.Value}\".", first, node.Name);
        }
        else
        {
            _known[node.Name.Value] = node.Name;
        }
    }
}
