using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.2.3.1 Single Root Field: https://spec.graphql.org/October2021/#sec-Single-root-field</summary>
public sealed class SingleFieldSubscriptionsRule : ValidationRule
{
    public override void EnterOperation(OperationDefinitionNode node)
    {
        if (node.Operation != LowCode.GraphQL.Execution.OperationKind.Subscription || Context.Schema.Subscription is not { } root)
        {
            return;
        }

        var fields = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        Collect(root, node.SelectionSet, fields, order, new HashSet<string>(StringComparer.Ordinal));
        var name = node.Name?.Value;
        if (order.Count > 1)
        {
            var extra = order.Skip(1).SelectMany(key => fields[key]).Cast<SyntaxNode>().ToArray();
            Report(
                name is not null
                    ? $"Subscription \"{name}\" must select only one top level field."
                    : "Anonymous Subscription must select only one top level field.",
                extra);
        }

        foreach (var key in order)
        {
            var nodes = fields[key];
            if (nodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                Report(
                    name is not null
                        ? $"Subscription \"{name}\" must not select an introspection top level field."
                        : "Anonymous Subscription must not select an introspection top level field.",
                    [.. nodes]);
            }
        }
    }

    private void Collect(ObjectType type, SelectionSetNode set, Dictionary<string, List<FieldNode>> fields, List<string> order, HashSet<string> visited)
    {
        var noVariables = LowCode.GraphQL.Execution.ValueCoercion.Empty;
        foreach (var selection in set.Selections)
        {
            if (!LowCode.GraphQL.Execution.FieldCollector.ShouldInclude(selection.Directives, noVariables))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    if (!fields.TryGetValue(field.ResponseName, out var list))
                    {
                        fields[field.ResponseName] = list = [];
                        order.Add(field.ResponseName);
                    }

                    list.Add(field);
                    break;
                case InlineFragmentNode inline when Applies(type, inline.TypeCondition):
                    Collect(type, inline.SelectionSet, fields, order, visited);
                    break;
                case FragmentSpreadNode spread when visited.Add(spread.Name.Value)
                    && Context.GetFragment(spread.Name.Value) is { } fragment
                    && Applies(type, fragment.TypeCondition):
                    Collect(type, fragment.SelectionSet, fields, order, visited);
                    break;
                default:
                    break;
            }
        }
    }

    private bool Applies(ObjectType type, NamedTypeNode? condition)
    {
        if (condition is null || condition.Name.Value == type.Name)
        {
            return true;
        }

        var conditionType = Context.Schema.GetType(condition.Name.Value);
        return conditionType is InterfaceType or UnionType && Context.Schema.IsPossibleType(conditionType, type);
    }
}
