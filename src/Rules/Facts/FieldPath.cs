using System.Globalization;

namespace LowCode.Rules.Facts;

/// <summary>
/// A pre-parsed dotted path into a fact, such as <c>customer.address.country</c> or <c>lines.0.amount</c>.
/// Parse once (the compiler does), resolve many times without allocating. Numeric segments index lists;
/// <c>length</c> on a list or string gives its size. The empty path names the fact itself.
/// </summary>
public sealed class FieldPath
{
    private readonly string[] _names;
    private readonly int[] _indexes;

    private FieldPath(string text, string[] names)
    {
        Text = text;
        _names = names;
        _indexes = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _indexes[i] = int.TryParse(names[i], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
        }
    }

    /// <summary>The path naming the fact itself.</summary>
    public static FieldPath Empty { get; } = new(string.Empty, []);

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The number of segments.</summary>
    public int Length => _names.Length;

    /// <summary>Parses a dotted path; throws <see cref="FormatException"/> naming the bad segment.</summary>
    public static FieldPath Parse(string path)
    {
        if (!TryParse(path, out var result, out var error))
        {
            throw new FormatException(error);
        }

        return result;
    }

    /// <summary>Parses a dotted path; on failure explains what is wrong.</summary>
    public static bool TryParse(string? path, out FieldPath result, out string error)
    {
        result = Empty;
        error = string.Empty;
        if (path is null)
        {
            error = "The path is missing; write a dotted path such as 'customer.address.country'.";
            return false;
        }

        if (path.Length == 0)
        {
            return true;
        }

        var names = path.Split('.');
        for (var i = 0; i < names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]) || names[i].Trim().Length != names[i].Length)
            {
                error = $"The path '{path}' has an empty or padded segment at position {i + 1}; write segments separated by single dots, e.g. 'lines.0.amount'.";
                return false;
            }
        }

        result = new FieldPath(path, names);
        return true;
    }

    /// <summary>The name of segment <paramref name="segment"/>.</summary>
    public string NameAt(int segment) => _names[segment];

    /// <summary>The list index of segment <paramref name="segment"/>, or -1 when it is not numeric.</summary>
    public int IndexAt(int segment) => _indexes[segment];

    /// <summary>The value at this path, or <c>null</c> when any segment is missing.</summary>
    public object? Resolve(Fact fact)
    {
        TryResolve(fact, out var value);
        return value;
    }

    /// <summary>Resolves the path; false when a segment is missing (the value is then <c>null</c>).</summary>
    public bool TryResolve(Fact fact, out object? value)
    {
        if (_names.Length == 0)
        {
            value = fact;
            return true;
        }

        if (!fact.TryGetField(_names[0], out value))
        {
            return false;
        }

        for (var i = 1; i < _names.Length; i++)
        {
            if (!Step(value, i, out value))
            {
                value = null;
                return false;
            }
        }

        return true;
    }

    private bool Step(object? current, int segment, out object? value)
    {
        var name = _names[segment];
        switch (current)
        {
            case Dictionary<string, object?> map:
                return map.TryGetValue(name, out value);
            case List<object?> list:
                return StepList(list, segment, out value);
            case Fact fact:
                return fact.TryGetField(name, out value);
            case string text when name == "length":
                value = (long)text.Length;
                return true;
            case IReadOnlyDictionary<string, object?> readOnlyMap:
                return readOnlyMap.TryGetValue(name, out value);
            case IReadOnlyList<object?> readOnlyList:
                return StepList(readOnlyList, segment, out value);
            default:
                value = null;
                return false;
        }
    }

    private bool StepList(IReadOnlyList<object?> list, int segment, out object? value)
    {
        var index = _indexes[segment];
        if (index >= 0)
        {
            if (index < list.Count)
            {
                value = list[index];
                return true;
            }

            value = null;
            return false;
        }

        if (_names[segment] == "length")
        {
            value = (long)list.Count;
            return true;
        }

        value = null;
        return false;
    }

    public override string ToString() => Text;
}
