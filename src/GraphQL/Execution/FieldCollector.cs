using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution;

/// <summary>Spec CollectFields (§6.3.2) and CollectSubfields (§6.4.3), cached per document when they cannot vary.</summary>
internal static class FieldCollector
{
    public static CollectedField[] CollectRoot(OperationContext context, ObjectType type, SelectionSetNode selectionSet)
    {
        var document = context.Document;
        if (document.HasVariableConditions)
        {
            return Collect(context, type, [selectionSet]);
        }

        var key = new CollectionKey(type, selectionSet);
        if (!document.Collections.TryGetValue(key, out var fields))
        {
            fields = Collect(context, type, [selectionSet]);
            document.Collections.TryAdd(key, fields);
        }

        return fields;
    }

    public static CollectedField[] CollectSubfields(OperationContext context, ObjectType type, CollectedField field)
    {
        var document = context.Document;
        if (document.HasVariableConditions)
        {
            return Collect(context, type, SelectionSets(field.Nodes));
        }

        var key = new CollectionKey(type, field);
        if (!document.Collections.TryGetValue(key, out var fields))
        {
            fields = Collect(context, type, SelectionSets(field.Nodes));
            document.Collections.TryAdd(key, fields);
        }

        return fields;
    }

    private static List<SelectionSetNode> SelectionSets(List<FieldNode> nodes)
    {
        var sets = new List<SelectionSetNode>(nodes.Count);
        foreach (var node in nodes)
        {
            if (node.SelectionSet is not null)
            {
                sets.Add(node.SelectionSet);
            }
        }

        return sets;
    }

    private static CollectedField[] Collect(OperationContext context, ObjectType type, List<SelectionSetNode> sets)
    {
        var grouped = new Dictionary<string, CollectedField>(StringComparer.Ordinal);
        var order = new List<CollectedField>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            Collect(context, type, set, grouped, order, visited);
        }

        return [.. order];
    }

    private static void Collect(
        OperationContext context,
        ObjectType type,
        SelectionSetNode set,
        Dictionary<string, CollectedField> grouped,
        List<CollectedField> order,
        HashSet<string> visitedFragments)
    {
        foreach (var selection in set.Selections)
        {
            if (!ShouldInclude(selection.Directives, context.Variables))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var name = field.ResponseName;
                    if (!grouped.TryGetValue(name, out var entry))
                    {
                        entry = new CollectedField(name, FindDefinition(context.Schema, type, field.Name.Value));
                        grouped.Add(name, entry);
                        order.Add(entry);
                    }

                    entry.Nodes.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || Matches(context.Schema, type, inline.TypeCondition.Name.Value))
                    {
                        Collect(context, type, inline.SelectionSet, grouped, order, visitedFragments);
                    }

                    break;
                case FragmentSpreadNode spread:
                    var fragmentName = spread.Name.Value;
                    if (!visitedFragments.Add(fragmentName)
                        || !context.Document.Fragments.TryGetValue(fragmentName, out var fragment)
                        || !Matches(context.Schema, type, fragment.TypeCondition.Name.Value))
                    {
                        continue;
                    }

                    Collect(context, type, fragment.SelectionSet, grouped, order, visitedFragments);
                    break;
                default:
                    break;
            }
        }
    }

    internal static FieldDefinition? FindDefinition(Schema schema, ComplexType type, string name)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            if (name == "__typename")
            {
                return schema.TypeNameMetaField;
            }

            if (ReferenceEquals(type, schema.Query))
            {
                if (name == "__schema")
                {
                    return schema.SchemaMetaField;
                }

                if (name == "__type")
                {
                    return schema.TypeMetaField;
                }
            }
        }

        return type.GetField(name);
    }

    private static bool Matches(Schema schema, ObjectType type, string condition)
    {
        if (condition == type.Name)
        {
            return true;
        }

        var conditionType = schema.GetType(condition);
        return conditionType is InterfaceType or UnionType && schema.IsPossibleType(conditionType, type);
    }

    /// <summary>Spec §3.13.2/§3.13.3: @skip(if: true) and @include(if: false) leave a selection out.</summary>
    internal static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, object?> variables)
    {
        if (directives.Count == 0)
        {
            return true;
        }

        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var condition = false;
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "if")
                {
                    condition = argument.Value switch
                    {
                        BooleanValueNode b => b.Value,
                        VariableNode v => variables.TryGetValue(v.Name.Value, out var value) && value is true,
                        _ => false,
                    };
                }
            }

            if (name == "skip" ? condition : !condition)
            {
                return false;
            }
        }

        return true;
    }
}
