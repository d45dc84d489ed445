using LowCode.Rules.Model;

namespace LowCode.Rules.Builders;

/// <summary>
/// Collects the conditions of a pattern (or of an aggregate's result, or of an <c>any</c>). A value given as an
/// <see cref="Operand"/> is used as is (e.g. <c>Operand.Ref("customer.id")</c> for a join); anything else is a literal.
/// </summary>
public sealed class ConditionsBuilder
{
    private readonly List<ConditionElement> _conditions = [];

    /// <summary><c>path op value</c>.</summary>
    public ConditionsBuilder Where(string path, ConditionOperator op, object? value = null)
    {
        _conditions.Add(new FieldCondition(path, op, ConditionOperators.OperandCount(op) == 0 ? null : ToOperand(value)));
        return this;
    }

    /// <summary><c>path op value</c> with the operator spelled as in JSON metadata (<c>&gt;=</c>, <c>in</c>, …).</summary>
    public ConditionsBuilder Where(string path, string op, object? value = null)
    {
        if (!ConditionOperators.TryParse(op, out var parsed))
        {
            throw new ArgumentException(
                $"Unknown operator '{op}'; use one of: {string.Join(", ", ConditionOperators.Symbols)}.", nameof(op));
        }

        return Where(path, parsed.Value, value);
    }

    /// <summary><c>lower &lt;= path &lt;= upper</c>.</summary>
    public ConditionsBuilder Between(string path, object? lower, object? upper)
    {
        _conditions.Add(new FieldCondition(path, ConditionOperator.Between, ToOperand(lower), ToOperand(upper)));
        return this;
    }

    /// <summary>An expression over the bound facts, evaluated by the configured evaluator.</summary>
    public ConditionsBuilder Expression(string expression)
    {
        _conditions.Add(new ExpressionCondition(expression));
        return this;
    }

    /// <summary>Holds when any of the alternatives holds; each alternative is a list of conditions that must all hold.</summary>
    public ConditionsBuilder Any(params Action<ConditionsBuilder>[] alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        var parts = new List<ConditionElement>();
        foreach (var alternative in alternatives)
        {
            var builder = new ConditionsBuilder();
            alternative(builder);
            var built = builder.Build();
            parts.Add(built.Count == 1 ? built[0] : new AllCondition(built));
        }

        _conditions.Add(new AnyCondition(parts));
        return this;
    }

    /// <summary>Adds a condition built elsewhere.</summary>
    public ConditionsBuilder Add(ConditionElement condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _conditions.Add(condition);
        return this;
    }

    public IReadOnlyList<ConditionElement> Build() => [.. _conditions];

    internal static Operand ToOperand(object? value) => value as Operand ?? Operand.Constant(value);
}
