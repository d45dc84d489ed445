using System.Globalization;
using System.Text.Json;

namespace LowCode.GraphQL.AspNetCore.Serialization;

/// <summary>
/// Turns request JSON (variables, extensions, connection payloads) into the plain CLR values the executor
/// contract asks for: null, bool, int, long, double, string, lists and ordered maps.
/// </summary>
internal static class JsonToClr
{
    public static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => ConvertNumber(element),
        JsonValueKind.Array => ConvertArray(element),
        JsonValueKind.Object => ConvertObject(element),
        _ => throw new ArgumentOutOfRangeException(nameof(element), element.ValueKind, "Unknown JSON value kind."),
    };

    public static IReadOnlyDictionary<string, object?> ConvertObject(JsonElement element)
    {
        // Later duplicates win, as in JSON.parse.
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = Convert(property.Value);
        }

        return map;
    }

    private static List<object?> ConvertArray(JsonElement element)
    {
        var list = new List<object?>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            list.Add(Convert(item));
        }

        return list;
    }

    private static object ConvertNumber(JsonElement element)
    {
        if (element.TryGetInt32(out var i))
        {
            return i;
        }

        if (element.TryGetInt64(out var l))
        {
            return l;
        }

        if (element.TryGetDouble(out var d))
        {
            return d;
        }

        // Out of double range (1e400): JSON.parse gives ±Infinity and lets the Float scalar reject it; so do we.
        return double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
