using System.Diagnostics.CodeAnalysis;

namespace LowCode.Rules.Runtime;

/// <summary>
/// The evaluated arguments of an emit or insert: names shared by every firing of the action, values per firing.
/// Cheaper than a dictionary for the handful of arguments an action has.
/// </summary>
internal sealed class ArgumentMap(string[] names, object?[] values) : IReadOnlyDictionary<string, object?>
{
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No argument named '{key}'.");

    public IEnumerable<string> Keys => names;

    public IEnumerable<object?> Values => values;

    public int Count => names.Length;

    public bool ContainsKey(string key) => Array.IndexOf(names, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = Array.IndexOf(names, key);
        value = index >= 0 ? values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < names.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(names[i], values[i]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
