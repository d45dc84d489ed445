using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.3.1 Field Selections: https://spec.graphql.org/October2021/#sec-Field-Selections</summary>
public sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    public override void EnterField(FieldNode node)
    {
        if (Context.ParentType is not { } type || Context.FieldDefinition is not null)
        {
            return;
        }

        var name = node.Name.Value;
        var suggestion = Suggestions.DidYouMean(SuggestedTypes(type, name), "to use an inline fragment on");
        if (suggestion.Length == 0)
        {
            suggestion = Suggestions.DidYouMean(
                type is ComplexType complex ? Suggestions.List(name, complex.Fields.Select(f => f.Name)) : []);
        }

        Report($"Cannot query field \"{name}\" on type \"{type.Name}\".{suggestion}", node);
    }

    private List<string> SuggestedTypes(NamedType type, string fieldName)
    {
        if (type is not (InterfaceType or UnionType))
        {
            return [];
        }

        var schema = Context.Schema;
        var suggested = new List<ComplexType>();
        var usage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possible in schema.GetPossibleTypes(type))
        {
            if (possible.GetField(fieldName) is null)
            {
                continue;
            }

            suggested.Add(possible);
            usage[possible.Name] = 1;
            foreach (var iface in possible.Interfaces)
            {
                if (iface.GetField(fieldName) is null)
                {
                    continue;
                }

                if (!usage.ContainsKey(iface.Name))
                {
                    suggested.Add(iface);
                }

                usage[iface.Name] = usage.GetValueOrDefault(iface.Name) + 1;
            }
        }

        suggested.Sort((a, b) =>
        {
            var diff = usage[b.Name] - usage[a.Name];
            if (diff != 0)
            {
                return diff;
            }

            if (a is InterfaceType && schema.IsSubType(a, b))
            {
                return -1;
            }

            if (b is InterfaceType && schema.IsSubType(b, a))
            {
                return 1;
            }

            return Suggestions.NaturalCompare(a.Name, b.Name);
        });
        return suggested.Select(t => t.Name).ToList();
    }
}
