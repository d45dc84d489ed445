using System.Globalization;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// The estimated cost of an operation (docs/graphql.md, "Cost"): a field costs its weight plus, when it has
/// selections, their cost times its list size (1 for a field that is not a list). Fragments count once per spread;
/// each is measured once and remembered, so the walk is linear in the document's size. Arithmetic saturates at
/// <see cref="long.MaxValue"/> instead of overflowing.
/// </summary>
internal sealed class OperationCost
{
    private readonly Schema _schema;
    private readonly ExecutorOptions _options;
    private readonly PreparedDocument _document;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private readonly Dictionary<string, SetCost> _fragments = new(StringComparer.Ordinal);

    private OperationCost(Schema schema, ExecutorOptions options, PreparedDocument document, IReadOnlyDictionary<string, object?> variables)
    {
        _schema = schema;
        _options = options;
        _document = document;
        _variables = variables;
    }

    /// <summary>True when a list size came from a variable, so the estimate holds for this request only.</summary>
    private bool ReadVariables { get; set; }

    public static CostEstimate Estimate(
        Schema schema,
        ExecutorOptions options,
        PreparedDocument document,
        ObjectType root,
        SelectionSetNode selectionSet,
        IReadOnlyDictionary<string, object?> variables)
    {
        var walker = new OperationCost(schema, options, document, variables);
        var total = walker.Measure(root, selectionSet, null);
        var path = new List<object?>();
        FieldNode? field = null;
        long factor = 1, share = 0;
        for (var node = total.Heaviest; node is not null; node = node.Next)
        {
            path.Add(node.Field.Alias?.Value ?? node.Field.Name.Value);
            field = node.Field;
            share = Multiply(factor, node.Cost);
            factor = Multiply(factor, node.Multiplier);
        }

        return new CostEstimate(total.Cost, path, field, share, walker.ReadVariables);
    }

    // pageSize: the size argument of the field this set belongs to when that field is not itself a list (a Relay
    // connection's `first`), which sizes the list fields under it (its `edges` and `nodes`).
    private SetCost Measure(NamedType type, SelectionSetNode set, long? pageSize)
    {
        long total = 0;
        CostNode? heaviest = null;
        foreach (var selection in set.Selections)
        {
            var part = selection switch
            {
                FieldNode field => MeasureField(type, field, pageSize),
                InlineFragmentNode inline => Measure(
                    inline.TypeCondition is null ? type : _schema.GetType(inline.TypeCondition.Name.Value) ?? type,
                    inline.SelectionSet,
                    pageSize),
                FragmentSpreadNode spread => pageSize is null ? MeasureFragment(type, spread.Name.Value) : MeasureFragmentSized(type, spread.Name.Value, pageSize),
                _ => default,
            };
            total = Add(total, part.Cost);
            if (part.Heaviest is not null && (heaviest is null || part.Heaviest.Cost > heaviest.Cost))
            {
                heaviest = part.Heaviest;
            }
        }

        return new SetCost(total, heaviest);
    }

    /// <summary>A fragment spread inside a sized connection: measured for that page size, not remembered.</summary>
    private SetCost MeasureFragmentSized(NamedType type, string name, long? pageSize) =>
        _document.Fragments.TryGetValue(name, out var fragment)
            ? Measure(_schema.GetType(fragment.TypeCondition.Name.Value) ?? type, fragment.SelectionSet, pageSize)
            : default;

    private SetCost MeasureFragment(NamedType type, string name)
    {
        if (_fragments.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_document.Fragments.TryGetValue(name, out var fragment))
        {
            return default;
        }

        // Validation has rejected fragment cycles; the placeholder only keeps a defect from recursing forever.
        _fragments[name] = default;
        var measured = Measure(_schema.GetType(fragment.TypeCondition.Name.Value) ?? type, fragment.SelectionSet, null);
        _fragments[name] = measured;
        return measured;
    }

    private SetCost MeasureField(NamedType type, FieldNode field, long? pageSize)
    {
        var definition = type is ComplexType complex ? FieldCollector.FindDefinition(_schema, complex, field.Name.Value) : null;
        long weight = definition?.Cost ?? 1;
        if (field.SelectionSet is null || definition is null)
        {
            var leaf = new CostNode(field, weight, 1, null);
            return new SetCost(weight, leaf);
        }

        var isList = definition.Type.Nullable is ListType;
        var size = SizeArgument(definition, field);
        var children = Measure(definition.Type.Named, field.SelectionSet, isList ? null : size);
        var multiplier = isList ? size ?? pageSize ?? Math.Max(0, _options.DefaultListSize) : 1;
        var cost = Add(weight, Multiply(multiplier, children.Cost));

        // The path goes on into the heaviest child only while that child is responsible for most of this field's cost.
        var next = children.Heaviest;
        if (next is not null)
        {
            var share = Multiply(multiplier, next.Cost);
            if (share <= cost - share)
            {
                next = null;
            }
        }

        return new SetCost(cost, new CostNode(field, cost, multiplier, next));
    }

    /// <summary>The largest size argument given (literal, variable or the argument's default), or null without one.</summary>
    private long? SizeArgument(FieldDefinition definition, FieldNode field)
    {
        long? size = null;
        foreach (var name in _options.ListSizeArguments)
        {
            var argumentDefinition = definition.GetArgument(name);
            if (argumentDefinition is null)
            {
                continue;
            }

            var value = field.Arguments.FirstOrDefault(a => a.Name.Value == name)?.Value;
            var given = value switch
            {
                null => argumentDefinition.DefaultValue,
                IntValueNode literal => long.Parse(literal.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                VariableNode variable => VariableValue(variable.Name.Value, argumentDefinition),
                _ => null,
            };
            if (given is int or long)
            {
                var items = Math.Max(0, Convert.ToInt64(given, CultureInfo.InvariantCulture));
                size = size is null ? items : Math.Max(size.Value, items);
            }
        }

        return size;
    }

    private object? VariableValue(string name, InputValue argument)
    {
        ReadVariables = true;
        return _variables.TryGetValue(name, out var value) ? value : argument.DefaultValue;
    }

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > long.MaxValue / b ? long.MaxValue : a * b;

    /// <summary>The cost of a selection set and its heaviest field.</summary>
    private readonly record struct SetCost(long Cost, CostNode? Heaviest);

    /// <summary>A field on the most expensive path: its cost within its selection set, its list size, and the child the path goes on to.</summary>
    private sealed record CostNode(FieldNode Field, long Cost, long Multiplier, CostNode? Next);
}
