using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// Depth and cost of an operation with fragments expanded. Cost: each field 1, plus its selections times
/// <see cref="ExecutorOptions.ListCostFactor"/> when it returns a list. The walk stops as soon as a limit is passed,
/// so fragment bombs cost the server no more than the limit.
/// </summary>
internal static class OperationLimits
{
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";

    public static GraphQLError? Check(Schema schema, ExecutorOptions options, PreparedDocument document, OperationDefinitionNode operation)
    {
        var root = schema.GetRootType(operation.Operation);
        if (root is null)
        {
            return null;
        }

        var walker = new Walker(schema, options, document);
        var cost = walker.Measure(root, operation.SelectionSet, 1);
        if (walker.Error is not null)
        {
            return walker.Error;
        }

        if (options.MaxCost > 0 && cost > options.MaxCost)
        {
            return CostError(cost, options.MaxCost);
        }

        return null;
    }

    private static GraphQLError CostError(long cost, int max) => new(
        $"The operation's estimated cost of {cost} exceeds the maximum of {max}; request fewer fields or smaller lists.",
        Extensions: ErrorCodes.Extensions(ErrorCodes.MaxCostExceeded));

    private sealed class Walker(Schema schema, ExecutorOptions options, PreparedDocument document)
    {
        private readonly HashSet<string> _activeFragments = new(StringComparer.Ordinal);

        public GraphQLError? Error { get; private set; }

        public long Measure(NamedType type, SelectionSetNode set, int depth)
        {
            long total = 0;
            foreach (var selection in set.Selections)
            {
                if (Error is not null)
                {
                    return total;
                }

                switch (selection)
                {
                    case FieldNode field:
                        total += MeasureField(type, field, depth);
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is null ? type : schema.GetType(inline.TypeCondition.Name.Value) ?? type;
                        total += Measure(inlineType, inline.SelectionSet, depth);
                        break;
                    case FragmentSpreadNode spread:
                        if (document.Fragments.TryGetValue(spread.Name.Value, out var fragment) && _activeFragments.Add(fragment.Name.Value))
                        {
                            total += Measure(schema.GetType(fragment.TypeCondition.Name.Value) ?? type, fragment.SelectionSet, depth);
                            _activeFragments.Remove(fragment.Name.Value);
                        }

                        break;
                    default:
                        break;
                }

                if (options.MaxCost > 0 && total > options.MaxCost)
                {
                    Error ??= CostError(total, options.MaxCost);
                }
            }

            return total;
        }

        private long MeasureField(NamedType type, FieldNode field, int depth)
        {
            var name = field.Name.Value;
            if (!options.EnableIntrospection && name is "__schema" or "__type")
            {
                Error = new GraphQLError(
                    "Introspection is disabled on this server.",
                    [new SourceLocation(field.Location.Line, field.Location.Column)],
                    Extensions: ErrorCodes.Extensions(IntrospectionDisabled));
                return 0;
            }

            if (options.MaxDepth > 0 && depth > options.MaxDepth)
            {
                Error = new GraphQLError(
                    $"The operation is nested {depth} fields deep, deeper than the maximum of {options.MaxDepth}; request fewer nested fields.",
                    [new SourceLocation(field.Location.Line, field.Location.Column)],
                    Extensions: ErrorCodes.Extensions(ErrorCodes.MaxDepthExceeded));
                return 0;
            }

            if (field.SelectionSet is null || type is not ComplexType complex)
            {
                return 1;
            }

            var definition = Execution.FieldCollector.FindDefinition(schema, complex, name);
            if (definition is null)
            {
                return 1;
            }

            var children = Measure(definition.Type.Named, field.SelectionSet, depth + 1);
            var isList = definition.Type.Nullable is ListType;
            return 1 + (isList ? children * options.ListCostFactor : children);
        }
    }
}
