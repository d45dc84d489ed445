using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Forms;

/// <summary>A field's default must be a value the field itself would accept, or the form starts out invalid.</summary>
internal sealed class FieldDefaultRule : DefinitionRule<FormDefinition>
{
    protected override void Check(FormDefinition definition, RuleContext context)
    {
        foreach (var (field, path, _) in FieldWalker.Walk(definition))
        {
            if (field.Default is { } value && field.ParsedType() is { } type && Problem(field, type, value) is { } message)
            {
                context.Report(path.Property("default"), "field.badDefault", message);
            }
        }
    }

    private static string? Problem(FieldDefinition field, FieldType type, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var options = field.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        return type switch
        {
            FieldType.Group or FieldType.Static or FieldType.Computed or FieldType.File =>
                $"A {field.Type} field cannot have a default. Remove 'default'.",
            FieldType.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) =>
                "The default of a boolean field must be true or false (without quotes).",
            FieldType.Number or FieldType.Integer => NumberProblem(field, type, value),
            FieldType.Select when value.ValueKind != JsonValueKind.String || !options.Contains(value.GetString()!) =>
                $"The default must be the value of one of the options ({string.Join(", ", options)}).",
            FieldType.Multiselect when value.ValueKind != JsonValueKind.Array
                || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || !options.Contains(v.GetString()!)) =>
                $"The default must be a list of option values ({string.Join(", ", options)}).",
            FieldType.Date when value.ValueKind != JsonValueKind.String || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", out _) =>
                "The default of a date field must be a date written as YYYY-MM-DD.",
            FieldType.Date => DateRangeProblem(field, DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            FieldType.DateTime when value.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                "The default of a datetime field must be an ISO-8601 date and time, e.g. 2026-01-31T09:00:00Z.",
            FieldType.Repeating when value.ValueKind != JsonValueKind.Array =>
                "The default of a repeating field must be a list of rows.",
            _ when FieldTypes.IsTextual(type) => TextProblem(field, value),
            _ => null,
        };
    }

    private static string? NumberProblem(FieldDefinition field, FieldType type, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return $"The default of a {field.Type} field must be a number (without quotes).";
        }

        var number = value.GetDouble();
        if (type == FieldType.Integer && Math.Floor(number) != number)
        {
            return "The default of an integer field must be a whole number.";
        }

        return number < field.Min || number > field.Max
            ? $"The default {number.ToString(CultureInfo.InvariantCulture)} is outside the field's own range ({field.Min?.ToString(CultureInfo.InvariantCulture) ?? "…"} to {field.Max?.ToString(CultureInfo.InvariantCulture) ?? "…"})."
            : null;
    }

    private static string? TextProblem(FieldDefinition field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return $"The default of a {field.Type} field must be text in double quotes.";
        }

        var text = value.GetString()!;
        if (text.Length < field.MinLength || text.Length > field.MaxLength)
        {
            return $"The default is {text.Length} characters long, outside the field's own limits ({field.MinLength?.ToString(CultureInfo.InvariantCulture) ?? "0"} to {field.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "…"}).";
        }

        try
        {
            return field.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100))
                ? $"The default '{text}' does not match the field's own pattern {pattern}."
                : null;
        }
        catch (ArgumentException)
        {
            // A pattern that does not compile is reported by FieldConstraintsRule.
            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return $"The field's pattern takes too long to check against the default '{text}'; simplify the pattern.";
        }
    }

    private static string? DateRangeProblem(FieldDefinition field, DateOnly value)
    {
        static DateOnly? Bound(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date) ? date : null;
        return value < Bound(field.MinDate) || value > Bound(field.MaxDate)
            ? $"The default {value:yyyy-MM-dd} is outside the field's own range ({field.MinDate ?? "…"} to {field.MaxDate ?? "…"})."
            : null;
    }
}
