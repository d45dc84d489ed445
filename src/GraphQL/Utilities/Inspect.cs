using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LowCode.GraphQL.Utilities;

/// <summary>Formats CLR values in error messages the way graphql-js <c>inspect</c> formats JavaScript values.</summary>
public static class Inspect
{
    public static string Format(object? value) => Format(value, 0);

    /// <summary>A number as JavaScript prints it (<c>1</c>, <c>1.5</c>, <c>1e+21</c>).</summary>
    public static string FormatNumber(double number)
    {
        if (double.IsNaN(number))
        {
            return "NaN";
        }

        if (double.IsInfinity(number))
        {
            return number > 0 ? "Infinity" : "-Infinity";
        }

        if (number == 0)
        {
            return "0";
        }

        if (number == Math.Floor(number) && Math.Abs(number) < 1e21)
        {
            return number.ToString("0", CultureInfo.InvariantCulture);
        }

        var text = number.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (exponent is >= -6 and < 21)
        {
            return number.ToString("0.####################", CultureInfo.InvariantCulture);
        }

        return text[..e] + "e" + (exponent >= 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    private static string Format(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return JsonSerializer.Serialize(s);
            case bool b:
                return b ? "true" : "false";
            case JsonElement element:
                return Format(JsonValues.ToClr(element), depth);
            case IConvertible when Numbers.TryGetDouble(value, out var number):
                return FormatNumber(number);
            case IEnumerable<KeyValuePair<string, object?>> map:
                return FormatMap(map, depth);
            case IDictionary dictionary:
                return FormatMap(dictionary.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(k.ToString()!, dictionary[k])), depth);
            case IEnumerable list:
                if (depth > 2)
                {
                    return "[Array]";
                }

                var items = list.Cast<object?>().ToList();
                if (items.Count == 0)
                {
                    return "[]";
                }

                var shown = items.Take(10).Select(item => Format(item, depth + 1));
                var suffix = items.Count > 10 ? $", ... {items.Count - 10} more items" : string.Empty;
                return "[" + string.Join(", ", shown) + suffix + "]";
            default:
                return value.ToString() ?? string.Empty;
        }
    }

    private static string FormatMap(IEnumerable<KeyValuePair<string, object?>> map, int depth)
    {
        if (depth > 2)
        {
            return "[Object]";
        }

        var builder = new StringBuilder();
        foreach (var (key, item) in map)
        {
            builder.Append(builder.Length == 0 ? "{ " : ", ").Append(key).Append(": ").Append(Format(item, depth + 1));
        }

        return builder.Length == 0 ? "{}" : builder.Append(" }").ToString();
    }
}
