using System.Globalization;
using System.Text.RegularExpressions;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;

namespace LowCode.Rules.Tests.Differential;

/// <summary>
/// The operators, paths and aggregates of docs/rules.md written again, independently of the engine's ValueSemantics
/// and compilers, for the NRules side of the differential suite: an operator the engine gets wrong disagrees here.
/// </summary>
internal sealed class OracleSemantics
{
    /// <summary>The semantics as documented.</summary>
    public static OracleSemantics Documented { get; } = new(breakGreaterThan: false);

    /// <summary>A deliberately wrong <c>&gt;</c> (it holds on equal values too), to prove the differential suite can fail.</summary>
    public static OracleSemantics WithBrokenGreaterThan { get; } = new(breakGreaterThan: true);

    private readonly bool _breakGreaterThan;

    private OracleSemantics(bool breakGreaterThan) => _breakGreaterThan = breakGreaterThan;

    public static object? Resolve(Fact fact, string path)
    {
        if (path.Length == 0)
        {
            return fact;
        }

        object? current = fact;
        foreach (var segment in path.Split('.'))
        {
            current = current switch
            {
                Fact f => f[segment],
                IReadOnlyDictionary<string, object?> map => map.TryGetValue(segment, out var v) ? v : null,
                IReadOnlyList<object?> list when segment == "length" => (long)list.Count,
                string text when segment == "length" => (long)text.Length,
                IReadOnlyList<object?> list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) => index < list.Count ? list[index] : null,
                _ => null,
            };
        }

        return current;
    }

    public bool Test(FieldCondition condition, Fact self, Func<Operand, object?> operand)
    {
        var left = Resolve(self, condition.Path);
        var right = condition.Value is null ? null : operand(condition.Value);
        return condition.Operator switch
        {
            ConditionOperator.Equal => Same(left, right),
            ConditionOperator.NotEqual => !Same(left, right),
            ConditionOperator.LessThan => Order(left, right) is < 0,
            ConditionOperator.LessThanOrEqual => Order(left, right) is <= 0,
            ConditionOperator.GreaterThan => _breakGreaterThan ? Order(left, right) is >= 0 : Order(left, right) is > 0,
            ConditionOperator.GreaterThanOrEqual => Order(left, right) is >= 0,
            ConditionOperator.In => Items(right) is { } items && items.Any(i => Same(left, i)),
            ConditionOperator.NotIn => !(Items(right) is { } items2 && items2.Any(i => Same(left, i))),
            ConditionOperator.Contains => left switch
            {
                string s => right is string r && s.Contains(r, StringComparison.Ordinal),
                IReadOnlyList<object?> list => list.Any(i => Same(i, right)),
                _ => false,
            },
            ConditionOperator.StartsWith => left is string s2 && right is string p && s2.StartsWith(p, StringComparison.Ordinal),
            ConditionOperator.Matches => left is string s3 && right is string rx && Regex.IsMatch(s3, rx, RegexOptions.None, TimeSpan.FromSeconds(1)),
            ConditionOperator.IsEmpty => Empty(left),
            ConditionOperator.IsNotEmpty => !Empty(left),
            ConditionOperator.Between => Order(left, right) is >= 0 && Order(left, condition.UpperValue is null ? null : operand(condition.UpperValue)) is <= 0,
            _ => throw new NotSupportedException($"The oracle has no operator {condition.Operator}."),
        };
    }

    /// <summary>The aggregate result fact: <c>value</c> and <c>count</c> over the matching facts in insertion order.</summary>
    public static Fact Aggregate(AggregateKind kind, string? path, IReadOnlyList<Fact> facts)
    {
        object? value = kind switch
        {
            AggregateKind.Count => (long)facts.Count,
            AggregateKind.Sum => Sum(facts.Select(f => Resolve(f, path!))),
            AggregateKind.Min => Extreme(facts.Select(f => Resolve(f, path!)), -1),
            AggregateKind.Max => Extreme(facts.Select(f => Resolve(f, path!)), 1),
            AggregateKind.Collect => facts.Cast<object?>().ToList(),
            _ => throw new NotSupportedException($"The oracle has no aggregate {kind}."),
        };
        return new Fact(AggregateElement.ResultFactType, [new("value", value), new("count", (long)facts.Count)]);
    }

    /// <summary>A list operand as written (a <c>List&lt;long&gt;</c> is no <c>IReadOnlyList&lt;object?&gt;</c>).</summary>
    private static List<object?>? Items(object? value) =>
        value is System.Collections.IEnumerable items and not string ? [.. items.Cast<object?>()] : null;

    private static bool IsNumber(object? value) => value is int or long or double or decimal;

    private static decimal? AsDecimal(object? value) => value switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e27 => (decimal)d,
        _ => null,
    };

    private static bool Same(object? left, object? right) => (left, right) switch
    {
        (null, _) or (_, null) => false,
        (string a, string b) => a == b,
        (bool a, bool b) => a == b,
        _ when IsNumber(left) && IsNumber(right) => AsDecimal(left) is { } a && AsDecimal(right) is { } b ? a == b : Convert.ToDouble(left, CultureInfo.InvariantCulture) == Convert.ToDouble(right, CultureInfo.InvariantCulture),
        (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => a.Count == b.Count && a.Zip(b).All(p => Same(p.First, p.Second) || (p.First is null && p.Second is null)),
        (Fact a, Fact b) => ReferenceEquals(a, b),
        _ => false,
    };

    /// <summary>The sign of left - right, or null where ordering does not apply (then every ordering operator is false).</summary>
    private static int? Order(object? left, object? right) => (left, right) switch
    {
        (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
        (bool a, bool b) => a.CompareTo(b),
        _ when IsNumber(left) && IsNumber(right) => AsDecimal(left) is { } a && AsDecimal(right) is { } b
            ? a.CompareTo(b)
            : Convert.ToDouble(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(right, CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static bool Empty(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        IReadOnlyList<object?> list => list.Count == 0,
        IReadOnlyDictionary<string, object?> map => map.Count == 0,
        _ => false,
    };

    private static object Sum(IEnumerable<object?> values)
    {
        var numbers = values.Where(IsNumber).ToList();
        if (numbers.All(n => n is long))
        {
            return numbers.Sum(n => (long)n!);
        }

        return numbers.Sum(n => Convert.ToDouble(n, CultureInfo.InvariantCulture));
    }

    private static object? Extreme(IEnumerable<object?> values, int sign)
    {
        object? best = null;
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            if (best is null || Order(value, best) is { } c && c * sign > 0)
            {
                best = value;
            }
        }

        return best;
    }
}
