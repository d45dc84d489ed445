using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Forms;

/// <summary>
/// Turns the JSON a client sent for one input field into the field's type, or says why it cannot. Lenient where a
/// front end's inputs commonly differ (a number sent as text, a datetime without an offset), strict otherwise.
/// </summary>
internal static partial class FieldCoercer
{
    private const double MaxSafeInteger = 9007199254740991;

    /// <summary>The outcome: <paramref name="value"/> (null when the input is empty), or an error code and message.</summary>
    public static bool TryCoerce(FieldPlan plan, JsonNode raw, TimeZoneInfo zone, out JsonNode? value, out string code, out string message)
    {
        var field = plan.Layout;
        value = null;
        code = FormErrorCodes.Type;
        message = string.Empty;
        var kind = raw.GetValueKind();
        switch (field.Type)
        {
            case FieldType.Text or FieldType.Textarea:
                if (kind == JsonValueKind.String)
                {
                    value = JsonValue.Create(JsonRead.Text(raw));
                    return true;
                }

                if (kind == JsonValueKind.Number)
                {
                    value = JsonValue.Create(raw.ToJsonString());
                    return true;
                }

                message = $"{field.Name} expects text, not {Describe(raw)}.";
                return false;
            case FieldType.Email:
                return Text(raw, kind, field, static t => EmailShape().IsMatch(t), "an e-mail address such as name@example.com", out value, out message);
            case FieldType.Url:
                return Text(raw, kind, field, static t => Uri.TryCreate(t, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                    "a web address starting with http:// or https://", out value, out message);
            case FieldType.Number or FieldType.Integer:
                return Number(raw, kind, field, out value, out message);
            case FieldType.Boolean:
                return Boolean(raw, kind, field, out value, out message);
            case FieldType.Date:
                return Date(raw, kind, field, out value, out message);
            case FieldType.DateTime:
                return DateTime(raw, kind, field, zone, out value, out message);
            case FieldType.Select:
                return Select(plan, raw, kind, out value, out code, out message);
            case FieldType.Multiselect:
                return Multiselect(plan, raw, kind, out value, out code, out message);
            case FieldType.File:
                return File(raw, field, out value, out message);
            default:
                value = raw.DeepClone();
                return true;
        }
    }

    /// <summary>True when a coerced value counts as not filled in: null, blank text, an empty list.</summary>
    public static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.IsNullOrWhiteSpace(JsonRead.Text(v)),
        _ => false,
    };

    /// <summary>A short description of a JSON value for messages.</summary>
    public static string Describe(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => $"the text \"{Shorten(JsonRead.Text(node))}\"",
            JsonValueKind.Number => $"the number {node.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {node.ToJsonString()}",
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "an object",
            _ => "null",
        };
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static bool Text(JsonNode raw, JsonValueKind kind, LayoutField field, Func<string, bool> shape, string expected, out JsonNode? value, out string message)
    {
        value = null;
        if (kind != JsonValueKind.String)
        {
            message = $"{field.Name} expects {expected}, not {Describe(raw)}.";
            return false;
        }

        var text = JsonRead.Text(raw);
        if (string.IsNullOrWhiteSpace(text) || shape(text.Trim()))
        {
            value = JsonValue.Create(text.Trim());
            message = string.Empty;
            return true;
        }

        message = $"{field.Name}: \"{Shorten(text)}\" is not {expected}.";
        return false;
    }

    private static bool Number(JsonNode raw, JsonValueKind kind, LayoutField field, out JsonNode? value, out string message)
    {
        value = null;
        message = string.Empty;
        double number;
        if (kind == JsonValueKind.Number)
        {
            number = JsonRead.Number(raw);
        }
        else if (kind == JsonValueKind.String && JsonRead.Text(raw) is var text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return true;
            }

            if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) || !double.IsFinite(number))
            {
                message = $"{field.Name} expects a number (digits with a '.' for decimals, e.g. 12.50), not \"{Shorten(text)}\".";
                return false;
            }
        }
        else
        {
            message = $"{field.Name} expects a number, not {Describe(raw)}.";
            return false;
        }

        if (field.Type == FieldType.Integer)
        {
            if (Math.Floor(number) != number || Math.Abs(number) > MaxSafeInteger)
            {
                message = $"{field.Name} expects a whole number, not {number.ToString(CultureInfo.InvariantCulture)}.";
                return false;
            }

            // Stored as a double like any number, which JSON writes without a fraction: 7, not 7.0.
            value = JsonValue.Create(number);
            return true;
        }

        value = JsonValue.Create(number);
        return true;
    }

    private static bool Boolean(JsonNode raw, JsonValueKind kind, LayoutField field, out JsonNode? value, out string message)
    {
        value = null;
        message = string.Empty;
        switch (kind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                value = JsonValue.Create(kind == JsonValueKind.True);
                return true;
            case JsonValueKind.String when JsonRead.Text(raw).Trim() is var text
                && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)):
                value = JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
                return true;
            case JsonValueKind.String when string.IsNullOrWhiteSpace(JsonRead.Text(raw)):
                return true;
            default:
                message = $"{field.Name} expects true or false, not {Describe(raw)}.";
                return false;
        }
    }

    private static bool Date(JsonNode raw, JsonValueKind kind, LayoutField field, out JsonNode? value, out string message)
    {
        value = null;
        message = string.Empty;
        if (kind == JsonValueKind.String && JsonRead.Text(raw).Trim() is var text)
        {
            if (text.Length == 0)
            {
                return true;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                value = JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return true;
            }
        }

        message = $"{field.Name} expects a date written as YYYY-MM-DD (e.g. 2026-01-31), not {Describe(raw)}.";
        return false;
    }

    private static bool DateTime(JsonNode raw, JsonValueKind kind, LayoutField field, TimeZoneInfo zone, out JsonNode? value, out string message)
    {
        value = null;
        message = string.Empty;
        if (kind == JsonValueKind.String && JsonRead.Text(raw).Trim() is var text)
        {
            if (text.Length == 0)
            {
                return true;
            }

            if (ParseInstant(text, zone) is { } instant)
            {
                value = JsonValue.Create(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
                return true;
            }
        }

        message = $"{field.Name} expects an ISO-8601 date and time (e.g. 2026-01-31T09:30:00Z), not {Describe(raw)}.";
        return false;
    }

    /// <summary>An ISO-8601 instant; without an offset the text is a wall-clock time in <paramref name="zone"/>.</summary>
    public static DateTimeOffset? ParseInstant(string text, TimeZoneInfo zone)
    {
        if (!IsoDateTime().IsMatch(text))
        {
            return null;
        }

        if (HasOffset().IsMatch(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
        }

        if (!System.DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        local = System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static bool Select(FieldPlan plan, JsonNode raw, JsonValueKind kind, out JsonNode? value, out string code, out string message)
    {
        value = null;
        code = FormErrorCodes.Type;
        message = string.Empty;
        var text = kind switch
        {
            JsonValueKind.String => JsonRead.Text(raw),
            JsonValueKind.Number => raw.ToJsonString(),
            _ => null,
        };
        if (text is null)
        {
            message = $"{plan.Layout.Name} expects one of its options ({Options(plan)}), not {Describe(raw)}.";
            return false;
        }

        if (text.Length == 0)
        {
            return true;
        }

        if (!plan.Options.Contains(text))
        {
            code = FormErrorCodes.Option;
            message = $"{plan.Layout.Name}: \"{Shorten(text)}\" is not one of the options ({Options(plan)}).";
            return false;
        }

        value = JsonValue.Create(text);
        return true;
    }

    private static bool Multiselect(FieldPlan plan, JsonNode raw, JsonValueKind kind, out JsonNode? value, out string code, out string message)
    {
        value = null;
        code = FormErrorCodes.Type;
        message = string.Empty;
        if (kind == JsonValueKind.String && string.IsNullOrWhiteSpace(JsonRead.Text(raw)))
        {
            return true;
        }

        IEnumerable<JsonNode?> items = kind == JsonValueKind.Array ? raw.AsArray() : new[] { raw };
        if (kind is not (JsonValueKind.Array or JsonValueKind.String))
        {
            message = $"{plan.Layout.Name} expects a list of its options ({Options(plan)}), not {Describe(raw)}.";
            return false;
        }

        var chosen = new List<string>();
        var unknown = new List<string>();
        foreach (var item in items)
        {
            if (item?.GetValueKind() != JsonValueKind.String)
            {
                message = $"{plan.Layout.Name} expects a list of option values (text), but the list holds {Describe(item)}.";
                return false;
            }

            var text = JsonRead.Text(item);
            if (!plan.Options.Contains(text))
            {
                unknown.Add($"\"{Shorten(text)}\"");
            }
            else if (!chosen.Contains(text, StringComparer.Ordinal))
            {
                chosen.Add(text);
            }
        }

        if (unknown.Count > 0)
        {
            code = FormErrorCodes.Option;
            message = $"{plan.Layout.Name}: {string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not one of the options" : "are not among the options")} ({Options(plan)}).";
            return false;
        }

        value = new JsonArray([.. chosen.Select(c => (JsonNode)JsonValue.Create(c))]);
        return true;
    }

    private static bool File(JsonNode raw, LayoutField field, out JsonNode? value, out string message)
    {
        value = null;
        message = string.Empty;
        IEnumerable<JsonNode?> files = raw is JsonArray list ? list : new JsonNode?[] { raw };
        foreach (var file in files)
        {
            var isId = file is JsonValue id && id.GetValueKind() == JsonValueKind.String;
            var isDescribed = file is JsonObject item
                && (item["name"]?.GetValueKind() == JsonValueKind.String || item["id"]?.GetValueKind() == JsonValueKind.String)
                && (item["name"] is not { } name || name.GetValueKind() == JsonValueKind.String)
                && (item["size"] is not { } size || size.GetValueKind() == JsonValueKind.Number)
                && (item["contentType"] is not { } type || type.GetValueKind() == JsonValueKind.String);
            if (!isId && !isDescribed)
            {
                message = $"{field.Name} expects the id of an uploaded file (POST /files returns it), or a file described as an object with \"name\" and optionally \"size\" in bytes and \"contentType\" (e.g. {{\"name\": \"receipt.pdf\", \"size\": 48213, \"contentType\": \"application/pdf\"}}), or a list of them, not {Describe(file)}.";
                return false;
            }
        }

        value = raw.DeepClone();
        return true;
    }

    private static string Options(FieldPlan plan) => string.Join(", ", plan.Layout.Definition.Options.Select(o => o.Value));

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoDateTime();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
