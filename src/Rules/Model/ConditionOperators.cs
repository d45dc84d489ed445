using System.Diagnostics.CodeAnalysis;

namespace LowCode.Rules.Model;

/// <summary>The textual spelling of <see cref="ConditionOperator"/> used in JSON metadata (<c>==</c>, <c>in</c>, …).</summary>
public static class ConditionOperators
{
    private static readonly Dictionary<string, ConditionOperator> BySymbol = new(StringComparer.Ordinal)
    {
        ["=="] = ConditionOperator.Equal,
        ["!="] = ConditionOperator.NotEqual,
        ["<"] = ConditionOperator.LessThan,
        ["<="] = ConditionOperator.LessThanOrEqual,
        [">"] = ConditionOperator.GreaterThan,
        [">="] = ConditionOperator.GreaterThanOrEqual,
        ["in"] = ConditionOperator.In,
        ["notIn"] = ConditionOperator.NotIn,
        ["contains"] = ConditionOperator.Contains,
        ["startsWith"] = ConditionOperator.StartsWith,
        ["matches"] = ConditionOperator.Matches,
        ["isEmpty"] = ConditionOperator.IsEmpty,
        ["isNotEmpty"] = ConditionOperator.IsNotEmpty,
        ["between"] = ConditionOperator.Between,
    };

    /// <summary>Every accepted symbol, for error messages ("expected one of …").</summary>
    public static IReadOnlyCollection<string> Symbols => BySymbol.Keys;

    /// <summary>Parses a symbol such as <c>&gt;=</c> or <c>startsWith</c> (case-sensitive).</summary>
    public static bool TryParse(string? symbol, [NotNullWhen(true)] out ConditionOperator? result)
    {
        if (symbol is not null && BySymbol.TryGetValue(symbol, out var op))
        {
            result = op;
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>The symbol of an operator.</summary>
    public static string ToSymbol(ConditionOperator op) => op switch
    {
        ConditionOperator.Equal => "==",
        ConditionOperator.NotEqual => "!=",
        ConditionOperator.LessThan => "<",
        ConditionOperator.LessThanOrEqual => "<=",
        ConditionOperator.GreaterThan => ">",
        ConditionOperator.GreaterThanOrEqual => ">=",
        ConditionOperator.In => "in",
        ConditionOperator.NotIn => "notIn",
        ConditionOperator.Contains => "contains",
        ConditionOperator.StartsWith => "startsWith",
        ConditionOperator.Matches => "matches",
        ConditionOperator.IsEmpty => "isEmpty",
        ConditionOperator.IsNotEmpty => "isNotEmpty",
        ConditionOperator.Between => "between",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown condition operator."),
    };

    /// <summary>How many operands the operator takes: 0 (isEmpty), 2 (between) or 1.</summary>
    public static int OperandCount(ConditionOperator op) => op switch
    {
        ConditionOperator.IsEmpty or ConditionOperator.IsNotEmpty => 0,
        ConditionOperator.Between => 2,
        _ => 1,
    };
}
