using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LowCode.Rules.Facts;

/// <summary>
/// The value model of facts: converts CLR and JSON values to the canonical shapes (long, double, decimal, string,
/// bool, null, lists, maps, facts) so that conditions compare like with like.
/// </summary>
public static class FactValue
{
    /// <summary>Converts a CLR value to its canonical fact-value shape.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string or bool or long or double or decimal or Fact => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        ushort us => (long)us,
        uint ui => (long)ui,
        ulong ul => ul <= long.MaxValue ? (object)(long)ul : (decimal)ul,
        float f => (double)f,
        char c => c.ToString(),
        Enum e => e.ToString(),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        JsonElement json => FromJson(json),
        Dictionary<string, object?> map => NormalizeMap(map),
        IEnumerable<KeyValuePair<string, object?>> pairs => NormalizeMap(pairs),
        IEnumerable sequence => NormalizeList(sequence),
        _ => throw new ArgumentException(
            $"A fact value of CLR type {value.GetType().Name} is not supported; use null, bool, a number, a string, a list, a map or a Fact.",
            nameof(value)),
    };

    /// <summary>Converts a JSON value (numbers: long when integral and in range, else double).</summary>
    public static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetInt64(out var l) ? (object)l : json.GetDouble(),
        JsonValueKind.Array => FromJsonArray(json),
        JsonValueKind.Object => FromJsonObject(json),
        _ => null,
    };

    internal static Dictionary<string, object?> FromJsonObject(JsonElement json)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            map[property.Name] = FromJson(property.Value);
        }

        return map;
    }

    private static List<object?> FromJsonArray(JsonElement json)
    {
        var list = new List<object?>(json.GetArrayLength());
        foreach (var item in json.EnumerateArray())
        {
            list.Add(FromJson(item));
        }

        return list;
    }

    private static Dictionary<string, object?> NormalizeMap(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            map[pair.Key] = Normalize(pair.Value);
        }

        return map;
    }

    private static List<object?> NormalizeList(IEnumerable sequence)
    {
        var list = new List<object?>();
        foreach (var item in sequence)
        {
            list.Add(Normalize(item));
        }

        return list;
    }

    internal static void SetAtPath(Dictionary<string, object?> root, FieldPath path, object? value)
    {
        object current = root;
        for (var i = 0; i < path.Length; i++)
        {
            var last = i == path.Length - 1;
            switch (current)
            {
                case Dictionary<string, object?> map:
                    if (last)
                    {
                        map[path.NameAt(i)] = value;
                        return;
                    }

                    if (!map.TryGetValue(path.NameAt(i), out var next) || next is null)
                    {
                        next = new Dictionary<string, object?>(StringComparer.Ordinal);
                        map[path.NameAt(i)] = next;
                    }

                    current = next;
                    break;
                case List<object?> list when path.IndexAt(i) >= 0 && path.IndexAt(i) < list.Count:
                    if (last)
                    {
                        list[path.IndexAt(i)] = value;
                        return;
                    }

                    current = list[path.IndexAt(i)] ?? throw PathError(path, i, "the list item is null");
                    break;
                case Fact fact when last:
                    fact.Set(path.NameAt(i), value);
                    return;
                case Fact fact:
                    current = fact[path.NameAt(i)] ?? throw PathError(path, i, "the nested fact has no such field");
                    break;
                default:
                    throw PathError(path, i, "the value there is neither a map nor a list with that index");
            }
        }
    }

    private static ArgumentException PathError(FieldPath path, int segment, string why) =>
        new($"Cannot set '{path}': at segment {segment + 1} ('{path.NameAt(segment)}') {why}.", nameof(path));

    /// <summary>A compact, deterministic JSON rendering of a fact value.</summary>
    public static string ToJson(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    // The same escaping as JsonSerializer.Serialize(string) (both use the default JavaScriptEncoder), without a
    // serializer call per string: facts are rendered on every decision. Text with a lone surrogate, which the encoder
    // refuses, goes through the serializer, which writes U+FFFD for it as it always did.
    private static void AppendString(StringBuilder builder, string text)
    {
        if (Ascii.IsValid(text) || !HasLoneSurrogate(text))
        {
            builder.Append('"').Append(JsonEncodedText.Encode(text).Value).Append('"');
        }
        else
        {
            builder.Append(JsonSerializer.Serialize(text));
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Write(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case string s:
                AppendString(builder, s);
                break;
            case long or double or decimal:
                builder.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case Fact fact:
                builder.Append(fact.Id is null ? $"\"<{fact.Type}>\"" : $"\"<{fact.Type}#{fact.Id}>\"");
                break;
            case IReadOnlyDictionary<string, object?> map:
                builder.Append('{');
                var first = true;
                foreach (var pair in map)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    AppendString(builder, pair.Key);
                    builder.Append(':');
                    Write(builder, pair.Value);
                }

                builder.Append('}');
                break;
            case IReadOnlyList<object?> list:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, list[i]);
                }

                builder.Append(']');
                break;
            default:
                if (value.ToString() is { } text)
                {
                    AppendString(builder, text);
                }
                else
                {
                    builder.Append("null");
                }

                break;
        }
    }
}
