using System.Collections;

namespace LowCode.Rules.Facts;

/// <summary>
/// How fact values compare: strictly by kind (a string never equals a number, as with JavaScript's <c>===</c>),
/// numbers across long/double/decimal by value, strings ordinally, lists and maps structurally, facts by identity.
/// </summary>
public static class ValueSemantics
{
    private static readonly object NullKey = new();

    /// <summary>Whether two values are equal under the rules' <c>==</c>.</summary>
    public static bool AreEqual(object? left, object? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        switch (left)
        {
            case null:
                return false;
            case string ls:
                return right is string rs && string.Equals(ls, rs, StringComparison.Ordinal);
            case long ll when right is long rl:
                return ll == rl;
            case bool lb:
                return right is bool rb && lb == rb;
            case long or double or decimal:
                return IsNumber(right) && CompareNumbers(left, right!) == 0;
            case Fact:
                return false;
            case IReadOnlyList<object?> leftList:
                return right is IReadOnlyList<object?> rightList && ListsEqual(leftList, rightList);
            case IReadOnlyDictionary<string, object?> leftMap:
                return right is IReadOnlyDictionary<string, object?> rightMap && MapsEqual(leftMap, rightMap);
            default:
                return left.Equals(right);
        }
    }

    /// <summary>
    /// Orders two values when they are comparable (two numbers, two strings or two booleans);
    /// anything else, null included, is not comparable and makes <c>&lt;</c>, <c>&gt;</c> and <c>between</c> false.
    /// </summary>
    public static bool TryCompare(object? left, object? right, out int result)
    {
        switch (left)
        {
            case long ll when right is long rl:
                result = ll.CompareTo(rl);
                return true;
            case double ld when right is double rd:
                result = ld.CompareTo(rd);
                return !double.IsNaN(ld) && !double.IsNaN(rd);
            case long or double or decimal when IsNumber(right):
                result = CompareNumbers(left, right!);
                return true;
            case string ls when right is string rs:
                result = string.CompareOrdinal(ls, rs);
                return true;
            case bool lb when right is bool rb:
                result = lb.CompareTo(rb);
                return true;
            default:
                result = 0;
                return false;
        }
    }

    /// <summary>True for null, an empty or blank string, an empty list and an empty map.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        ICollection collection => collection.Count == 0,
        IReadOnlyCollection<object?> list => list.Count == 0,
        IReadOnlyCollection<KeyValuePair<string, object?>> map => map.Count == 0,
        _ => false,
    };

    /// <summary>Whether the value is a long, double or decimal.</summary>
    public static bool IsNumber(object? value) => value is long or double or decimal;

    /// <summary>
    /// A key for hash-indexed equality joins, consistent with <see cref="AreEqual"/>: integral numbers of any
    /// kind share one key, lists and maps key by their JSON text, null has a key of its own.
    /// </summary>
    public static object IndexKey(object? value)
    {
        switch (value)
        {
            case null:
                return NullKey;
            case string or long or bool or Fact:
                return value;
            case double d:
                return d % 1 == 0 && d >= long.MinValue && d < long.MaxValue ? (object)(long)d : d;
            case decimal m:
                return m % 1 == 0 && m >= long.MinValue && m <= long.MaxValue ? (object)(long)m : (double)m;
            case IReadOnlyList<object?> or IReadOnlyDictionary<string, object?>:
                return "\u0001" + FactValue.ToJson(value);
            default:
                return value;
        }
    }

    /// <summary>Converts a number to double (for sums and averages), or returns false when it is not a number.</summary>
    public static bool TryToDouble(object? value, out double result)
    {
        switch (value)
        {
            case long l:
                result = l;
                return true;
            case double d:
                result = d;
                return true;
            case decimal m:
                result = (double)m;
                return true;
            default:
                result = 0;
                return false;
        }
    }

    private static int CompareNumbers(object left, object right)
    {
        if (left is double || right is double)
        {
            TryToDouble(left, out var ld);
            TryToDouble(right, out var rd);
            return ld.CompareTo(rd);
        }

        return ToDecimal(left).CompareTo(ToDecimal(right));
    }

    private static decimal ToDecimal(object value) => value switch
    {
        long l => l,
        decimal m => m,
        _ => 0m,
    };

    private static bool ListsEqual(IReadOnlyList<object?> left, IReadOnlyList<object?> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!AreEqual(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(IReadOnlyDictionary<string, object?> left, IReadOnlyDictionary<string, object?> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var pair in left)
        {
            if (!right.TryGetValue(pair.Key, out var other) || !AreEqual(pair.Value, other))
            {
                return false;
            }
        }

        return true;
    }
}
