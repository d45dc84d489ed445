using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// An ordered response map (spec §6.3: "ordered map ... in the order the fields were collected"). Sized once
/// for the collected fields and filled by index, so building a result allocates one array per object.
/// </summary>
public sealed class ResultDictionary : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys;
    private readonly object?[] _values;
    private int _count;

    public ResultDictionary(int capacity)
    {
        _keys = capacity == 0 ? [] : new string[capacity];
        _values = capacity == 0 ? [] : new object?[capacity];
    }

    public int Count => _count;

    public IEnumerable<string> Keys => _keys.Take(_count);

    public IEnumerable<object?> Values => _values.Take(_count);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <summary>The key at <paramref name="index"/>, in collection order.</summary>
    public string KeyAt(int index) => _keys[index];

    /// <summary>The value at <paramref name="index"/>, in collection order.</summary>
    public object? ValueAt(int index) => _values[index];

    internal void Add(string key, object? value)
    {
        _keys[_count] = key;
        _values[_count++] = value;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
