using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.2.3 Fragment Spread Is Possible: https://spec.graphql.org/October2021/#sec-Fragment-spread-is-possible</summary>
public sealed class PossibleFragmentSpreadsRule : ValidationRule
{
    public override void EnterInlineFragment(InlineFragmentNode node)
    {
        var fragmentType = Context.Type?.Named;
        var parentType = Context.ParentType;
        if (IsComposite(fragmentType) && IsComposite(parentType) && !Overlap(fragmentType!, parentType!))
        {
            Report($"Fragment cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragmentType}\".", node);
        }
    }

    public override void EnterFragmentSpread(FragmentSpreadNode node)
    {
        var fragment = Context.GetFragment(node.Name.Value);
        var fragmentType = fragment is null ? null : Context.Schema.GetType(fragment.TypeCondition.Name.Value);
        var parentType = Context.ParentType;
        if (IsComposite(fragmentType) && parentType is not null && !Overlap(fragmentType!, parentType))
        {
            Report(
                $"Fragment \"{node.Name.Value}\" cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragmentType}\".",
                node);
        }
    }

    private static bool IsComposite(NamedType? type) => type is ObjectType or InterfaceType or UnionType;

    private bool Overlap(NamedType a, NamedType b)
    {
        var schema = Context.Schema;
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is InterfaceType or UnionType)
        {
            return b is InterfaceType or UnionType
                ? schema.GetPossibleTypes(a).Any(t => schema.IsSubType(b, t))
                : schema.IsSubType(a, b);
        }

        return b is InterfaceType or UnionType && schema.IsSubType(b, a);
    }
}
