using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>
/// Spec §5.3.2 Field Selection Merging (https://spec.graphql.org/October2021/#sec-Field-Selection-Merging):
/// fields with the same response name must be the same field with the same arguments, or be on types that can
/// never overlap, and their sub-selections must merge too. Comparisons are memoised per selection set and fragment pair.
/// </summary>
public sealed class OverlappingFieldsCanBeMergedRule : ValidationRule
{
    private const int MaxDetailLength = 1000;

    /// <summary>Work units the rule may spend per document before it gives up (as graphql-js does), so crafted documents cannot make it quadratic without bound.</summary>
    private const int ComplexityBudget = 500_000;
    private int _budget = ComplexityBudget;
    private readonly Dictionary<(NamedType?, SelectionSetNode), Collected> _collected = [];
    private readonly Dictionary<(string, string), bool> _comparedFragmentPairs = [];

    public override void EnterSelectionSet(SelectionSetNode node)
    {
        var conflicts = FindConflictsWithin(Context.ParentType, node);
        foreach (var conflict in conflicts)
        {
            Report(
                $"Fields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                [.. conflict.Fields1, .. conflict.Fields2]);
        }
    }

    private List<Conflict> FindConflictsWithin(NamedType? parentType, SelectionSetNode set)
    {
        var conflicts = new List<Conflict>();
        var collected = Collect(parentType, set);
        foreach (var (responseName, fields) in collected.Fields)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }

        if (collected.FragmentNames.Count != 0 && (collected.Fields.Count != 0 || collected.FragmentNames.Count > 1))
        {
            for (var i = 0; i < collected.FragmentNames.Count; i++)
            {
                BetweenFieldsAndFragment(conflicts, false, collected, collected.FragmentNames[i]);
                for (var j = i + 1; j < collected.FragmentNames.Count; j++)
                {
                    BetweenFragments(conflicts, false, collected.FragmentNames[i], collected.FragmentNames[j]);
                }
            }
        }

        return conflicts;
    }

    private void Spend(int cost)
    {
        _budget -= cost;
        if (_budget < 0)
        {
            throw new ValidationAbortedException("Validation aborted.");
        }
    }

    private void BetweenFieldsAndFragment(List<Conflict> conflicts, bool exclusive, Collected collected, string fragmentName)
    {
        Spend(1);
        if (collected.Fields.Count == 0)
        {
            return;
        }

        if (collected.ComparedFragments.TryGetValue(fragmentName, out var compared) && (!compared || exclusive))
        {
            return;
        }

        collected.ComparedFragments[fragmentName] = exclusive;
        if (Context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }

        var collected2 = CollectFragment(fragment);
        if (ReferenceEquals(collected, collected2))
        {
            return;
        }

        Between(conflicts, exclusive, collected, collected2);
        foreach (var referenced in collected2.FragmentNames)
        {
            BetweenFieldsAndFragment(conflicts, exclusive, collected, referenced);
        }
    }

    private void BetweenFragments(List<Conflict> conflicts, bool exclusive, string name1, string name2)
    {
        Spend(2);
        if (name1 == name2)
        {
            return;
        }

        if (HasPair(name1, name2, exclusive))
        {
            return;
        }

        _comparedFragmentPairs[(name1, name2)] = exclusive;
        if (Context.GetFragment(name1) is not { } fragment1 || Context.GetFragment(name2) is not { } fragment2)
        {
            return;
        }

        var collected1 = CollectFragment(fragment1);
        var collected2 = CollectFragment(fragment2);
        Between(conflicts, exclusive, collected1, collected2);
        foreach (var referenced in collected2.FragmentNames)
        {
            BetweenFragments(conflicts, exclusive, name1, referenced);
        }

        foreach (var referenced in collected1.FragmentNames)
        {
            BetweenFragments(conflicts, exclusive, referenced, name2);
        }
    }

    private bool HasPair(string a, string b, bool exclusive)
    {
        bool Has(string x, string y) => _comparedFragmentPairs.TryGetValue((x, y), out var stored) && (exclusive || !stored);
        return Has(a, b) || Has(b, a);
    }

    private List<Conflict> BetweenSubSelectionSets(bool exclusive, NamedType? type1, SelectionSetNode set1, NamedType? type2, SelectionSetNode set2)
    {
        var conflicts = new List<Conflict>();
        var collected1 = Collect(type1, set1);
        var collected2 = Collect(type2, set2);
        Between(conflicts, exclusive, collected1, collected2);
        foreach (var name in collected2.FragmentNames)
        {
            BetweenFieldsAndFragment(conflicts, exclusive, collected1, name);
        }

        foreach (var name in collected1.FragmentNames)
        {
            BetweenFieldsAndFragment(conflicts, exclusive, collected2, name);
        }

        foreach (var name1 in collected1.FragmentNames)
        {
            foreach (var name2 in collected2.FragmentNames)
            {
                BetweenFragments(conflicts, exclusive, name1, name2);
            }
        }

        return conflicts;
    }

    private void Between(List<Conflict> conflicts, bool exclusive, Collected collected1, Collected collected2)
    {
        if (collected1.Fields.Count == 0 || collected2.Fields.Count == 0)
        {
            return;
        }

        foreach (var (responseName, fields1) in collected1.Fields)
        {
            if (!collected2.Fields.TryGetValue(responseName, out var fields2))
            {
                continue;
            }

            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(exclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private Conflict? FindConflict(bool parentsExclusive, string responseName, FieldInfo field1, FieldInfo field2)
    {
        var exclusive = parentsExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        Spend(2);
        var node1 = field1.Node;
        var node2 = field2.Node;
        if (field1.IsSimpleLeaf && field2.IsSimpleLeaf && ReferenceEquals(field1.Definition?.Type, field2.Definition?.Type)
            && node1.Name.Value == node2.Name.Value)
        {
            return null;
        }

        if (!exclusive)
        {
            string? reason = node1.Name.Value != node2.Name.Value
                ? $"\"{Abbreviate(node1.Name.Value)}\" and \"{Abbreviate(node2.Name.Value)}\" are different fields"
                : SameArguments(node1.Arguments, node2.Arguments) ? null : "they have differing arguments";
            if (reason is not null)
            {
                return new Conflict(responseName, reason, [node1], [node2]);
            }
        }

        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && TypesConflict(type1, type2))
        {
            return new Conflict(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", [node1], [node2]);
        }

        if (node1.SelectionSet is { } set1 && node2.SelectionSet is { } set2)
        {
            var conflicts = BetweenSubSelectionSets(exclusive, type1?.Named, set1, type2?.Named, set2);
            if (conflicts.Count > 0)
            {
                var message = string.Empty;
                foreach (var conflict in conflicts)
                {
                    message += (message.Length == 0 ? string.Empty : " and ") + $"subfields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}";
                    if (message.Length > MaxDetailLength)
                    {
                        break;
                    }
                }

                return new Conflict(
                    responseName,
                    Abbreviate(message),
                    [node1, .. conflicts.SelectMany(c => c.Fields1)],
                    [node2, .. conflicts.SelectMany(c => c.Fields2)]);
            }
        }

        return null;
    }

    private static bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        foreach (var argument1 in arguments1)
        {
            var argument2 = arguments2.FirstOrDefault(a => a.Name.Value == argument1.Name.Value);
            if (argument2 is null || Stringify(argument1.Value) != Stringify(argument2.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static string Stringify(ValueNode value) => value switch
    {
        ObjectValueNode obj => "{" + string.Join(",", obj.Fields.OrderBy(f => f.Name.Value, StringComparer.Ordinal)
            .Select(f => f.Name.Value + ":" + Stringify(f.Value))) + "}",
        ListValueNode list => "[" + string.Join(",", list.Values.Select(Stringify)) + "]",
        StringValueNode s => (s.Block ? "B" : "S") + Printer.PrintString(s.Value),
        VariableNode v => "$" + v.Name.Value,
        _ => value.GetType().Name + ":" + Printer.Print(value),
    };

    private static bool TypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (ReferenceEquals(type1, type2))
        {
            return false;
        }

        if (type1 is ListType list1)
        {
            return type2 is not ListType list2 || TypesConflict(list1.OfType, list2.OfType);
        }

        if (type2 is ListType)
        {
            return true;
        }

        if (type1 is NonNullType nonNull1)
        {
            return type2 is not NonNullType nonNull2 || TypesConflict(nonNull1.OfType, nonNull2.OfType);
        }

        if (type2 is NonNullType)
        {
            return true;
        }

        if (type1 is ScalarType or EnumType || type2 is ScalarType or EnumType)
        {
            return !ReferenceEquals(type1, type2);
        }

        return false;
    }

    private static string Abbreviate(string text) => text.Length > MaxDetailLength ? text[..MaxDetailLength] + "..." : text;

    private Collected CollectFragment(FragmentDefinitionNode fragment) =>
        Collect(Context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);

    private Collected Collect(NamedType? parentType, SelectionSetNode set)
    {
        if (_collected.TryGetValue((parentType, set), out var cached))
        {
            return cached;
        }

        var collected = new Collected();
        CollectInto(parentType, set, collected);
        _collected[(parentType, set)] = collected;
        return collected;
    }

    private void CollectInto(NamedType? parentType, SelectionSetNode set, Collected collected)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = (parentType as ComplexType)?.GetField(field.Name.Value);
                    if (!collected.Fields.TryGetValue(field.ResponseName, out var list))
                    {
                        collected.Fields[field.ResponseName] = list = [];
                        collected.Order.Add(field.ResponseName);
                    }

                    list.Add(new FieldInfo(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    if (!collected.FragmentNames.Contains(spread.Name.Value))
                    {
                        collected.FragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is null ? parentType : Context.Schema.GetType(inline.TypeCondition.Name.Value);
                    CollectInto(inlineType, inline.SelectionSet, collected);
                    break;
                default:
                    break;
            }
        }
    }

    private sealed record FieldInfo(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition)
    {
        public bool IsSimpleLeaf => Node.Arguments.Count == 0 && Node.SelectionSet is null;
    }

    private sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    /// <summary>A selection set's fields by response name (in order) and the fragments it spreads.</summary>
    private sealed class Collected
    {
        public OrderedFields Fields { get; } = new();

        public List<string> Order => Fields.Order;

        public List<string> FragmentNames { get; } = [];

        public Dictionary<string, bool> ComparedFragments { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A dictionary that enumerates in insertion order.</summary>
    private sealed class OrderedFields : IEnumerable<KeyValuePair<string, List<FieldInfo>>>
    {
        private readonly Dictionary<string, List<FieldInfo>> _byName = new(StringComparer.Ordinal);

        public List<string> Order { get; } = [];

        public int Count => _byName.Count;

        public List<FieldInfo> this[string key]
        {
            set => _byName[key] = value;
        }

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out List<FieldInfo>? value) =>
            _byName.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, List<FieldInfo>>> GetEnumerator()
        {
            foreach (var key in Order)
            {
                yield return new KeyValuePair<string, List<FieldInfo>>(key, _byName[key]);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
