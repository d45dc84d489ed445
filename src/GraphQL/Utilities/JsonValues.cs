using System.Text.Json;

namespace LowCode.GraphQL.Utilities;

/// <summary>
/// Converts JSON to the plain CLR values a <see cref="Execution.GraphQLRequest"/> carries: null, bool, int, long or
/// double, string, <c>List&lt;object?&gt;</c> (an IReadOnlyList) and <c>Dictionary&lt;string, object?&gt;</c>
/// (an IReadOnlyDictionary, keys in document order).
/// </summary>
public static class JsonValues
{
    public static object? ToClr(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt32(out var i))
                {
                    return i;
                }

                if (element.TryGetInt64(out var l))
                {
                    return l;
                }

                // Out of double range (e.g. 1e400): like JSON.parse, overflow to an infinity instead of failing.
                return element.TryGetDouble(out var d)
                    ? d
                    : double.Parse(element.GetRawText(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(ToClr(item));
                }

                return list;
            default:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = ToClr(property.Value);
                }

                return map;
        }
    }

    /// <summary>Converts a JSON object to a map (null for JSON null); throws <see cref="ArgumentException"/> for other kinds.</summary>
    public static IReadOnlyDictionary<string, object?>? ToMap(JsonElement element) =>
        ToClr(element) switch
        {
            null => null,
            Dictionary<string, object?> map => map,
            _ => throw new ArgumentException($"Expected a JSON object, found {element.ValueKind}.", nameof(element)),
        };
}
