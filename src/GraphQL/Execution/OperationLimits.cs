using System.Globalization;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// The limits an operation must pass before it runs: introspection when it is turned off, then depth, then cost
/// (<see cref="OperationShape"/>, <see cref="OperationCost"/>; fragments expanded, each measured once).
/// </summary>
internal static class OperationLimits
{
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";

    /// <summary>
    /// The first limit the operation breaks (null when it passes) and whether that verdict holds for every request
    /// with this operation (false when a list size came from a variable).
    /// </summary>
    public static (GraphQLError? Error, bool Reusable) Check(
        Schema schema,
        ExecutorOptions options,
        PreparedDocument document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?> variables)
    {
        var root = schema.GetRootType(operation.Operation);
        if (root is null)
        {
            return (null, true);
        }

        var shape = new OperationShape(document);
        if (!options.EnableIntrospection && shape.FindIntrospection(operation.SelectionSet) is { } introspection)
        {
            return (new GraphQLError(
                "Introspection is disabled on this server.",
                [Where(introspection)],
                Extensions: ErrorCodes.Extensions(IntrospectionDisabled)), true);
        }

        if (options.MaxDepth > 0 && shape.FindTooDeep(operation.SelectionSet, 1, options.MaxDepth) is var (field, depth))
        {
            return (new GraphQLError(
                $"The operation is nested {depth} fields deep, deeper than the maximum of {options.MaxDepth}; request fewer nested fields.",
                [Where(field)],
                Extensions: ErrorCodes.Extensions(ErrorCodes.MaxDepthExceeded)), true);
        }

        if (options.MaxCost <= 0)
        {
            return (null, true);
        }

        var estimate = OperationCost.Estimate(schema, options, document, root, operation.SelectionSet, variables);
        return (estimate.Cost > options.MaxCost ? CostError(estimate, options) : null, !estimate.ReadVariables);
    }

    private static GraphQLError CostError(CostEstimate estimate, ExecutorOptions options)
    {
        var culture = CultureInfo.InvariantCulture;
        var hint = options.ListSizeArguments.Count > 0
            ? $" Select fewer fields, or ask list fields for fewer items ({string.Join(", ", options.ListSizeArguments)})."
            : " Select fewer fields.";
        var path = string.Join('.', estimate.Path);

        // A cost that saturated is too large to count: say so, rather than report long.MaxValue as if it were measured.
        var cost = estimate.Cost == long.MaxValue ? $"is over the maximum of {options.MaxCost} (too large to count)" : string.Create(culture, $"of {estimate.Cost} exceeds the maximum of {options.MaxCost}");
        var share = estimate.FieldCost == long.MaxValue ? "more than the maximum" : estimate.FieldCost.ToString(culture);
        var message = string.Create(
            culture,
            $"The operation's estimated cost {cost}; the most expensive field is \"{path}\" at {share}.{hint}");
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = ErrorCodes.MaxCostExceeded };
        if (estimate.Cost != long.MaxValue)
        {
            extensions["cost"] = estimate.Cost;
        }

        extensions["maxCost"] = options.MaxCost;
        extensions["path"] = estimate.Path.ToList();

        return new GraphQLError(message, estimate.Field is null ? null : [Where(estimate.Field)], Extensions: extensions);
    }

    private static SourceLocation Where(FieldNode field) => new(field.Location.Line, field.Location.Column);
}
