using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.2.1 Fragment Spread Target Defined: https://spec.graphql.org/October2021/#sec-Fragment-spread-target-defined</summary>
public sealed class KnownFragmentNamesRule : ValidationRule
{
    public override void EnterFragmentSpread(FragmentSpreadNode node)
    {
        if (Context.GetFragment(node.Name.Value) is null)
        {
            Report($"Unknown fragment \"{node.Name.Value}\".", node.Name);
        }
    }
}
