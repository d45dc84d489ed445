using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.1.3 Fragments On Composite Types: https://spec.graphql.org/October2021/#sec-Fragments-On-Composite-Types</summary>
public sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public override void EnterInlineFragment(InlineFragmentNode node)
    {
        if (node.TypeCondition is { } condition && IsNonComposite(condition))
        {
            Report($"Fragment cannot condition on non composite type \"{condition.Name.Value}\".", condition);
        }
    }

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        if (IsNonComposite(node.TypeCondition))
        {
            Report($"Fragment \"{node.Name.Value}\" cannot condition on non composite type \"{node.TypeCondition.Name.Value}\".", node.TypeCondition);
        }
    }

    private bool IsNonComposite(NamedTypeNode condition) =>
        Context.Schema.GetType(condition.Name.Value) is { } type && type is not (ObjectType or InterfaceType or UnionType);
}
