using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Forms;

/// <summary>The built-in constraints of one filled-in, coerced value: range, dates, length, pattern, file type and size.</summary>
internal static class FieldConstraints
{
    public static void Check(FieldPlan plan, JsonNode value, string path, TimeZoneInfo zone, ImmutableArray<FormError>.Builder errors, IReadOnlyDictionary<string, FormFile>? uploads = null)
    {
        var field = plan.Layout;
        var definition = field.Definition;
        switch (field.Type)
        {
            case FieldType.Number or FieldType.Integer:
                var number = JsonRead.Number(value);
                if (number < definition.Min)
                {
                    errors.Add(new(path, FormErrorCodes.Min, $"{field.Name} must be at least {Format(definition.Min!.Value)}."));
                }

                if (number > definition.Max)
                {
                    errors.Add(new(path, FormErrorCodes.Max, $"{field.Name} must be at most {Format(definition.Max!.Value)}."));
                }

                break;
            case FieldType.Date or FieldType.DateTime:
                var text = JsonRead.Text(value);
                var date = field.Type == FieldType.Date
                    ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture), zone).DateTime);
                if (date < plan.MinDate)
                {
                    errors.Add(new(path, FormErrorCodes.MinDate, $"{field.Name} cannot be before {definition.MinDate}."));
                }

                if (date > plan.MaxDate)
                {
                    errors.Add(new(path, FormErrorCodes.MaxDate, $"{field.Name} cannot be after {definition.MaxDate}."));
                }

                break;
            case FieldType.Text or FieldType.Textarea or FieldType.Email or FieldType.Url:
                CheckText(plan, JsonRead.Text(value), path, errors);
                break;
            case FieldType.File:
                IEnumerable<JsonNode?> files = value is JsonArray list ? list : new JsonNode?[] { value };
                foreach (var file in files)
                {
                    if (file is JsonObject described)
                    {
                        CheckFile(plan, JsonRead.Text(described["name"]!), described["contentType"] is { } type ? JsonRead.Text(type) : null, described["size"] is { } size && size.GetValueKind() == JsonValueKind.Number ? JsonRead.Number(size) : null, path, errors);
                    }
                    else if (file is not null && uploads is not null && uploads.TryGetValue(JsonRead.Text(file), out var uploaded))
                    {
                        CheckFile(plan, uploaded.Name, uploaded.ContentType, uploaded.Size, path, errors);
                    }
                }

                break;
        }
    }

    private static void CheckText(FieldPlan plan, string text, string path, ImmutableArray<FormError>.Builder errors)
    {
        var field = plan.Layout;
        var definition = field.Definition;
        if (text.Length < definition.MinLength)
        {
            errors.Add(new(path, FormErrorCodes.MinLength, string.Create(CultureInfo.InvariantCulture, $"{field.Name} needs at least {definition.MinLength} characters; it has {text.Length}.")));
        }

        if (text.Length > definition.MaxLength)
        {
            errors.Add(new(path, FormErrorCodes.MaxLength, string.Create(CultureInfo.InvariantCulture, $"{field.Name} takes at most {definition.MaxLength} characters; it has {text.Length}.")));
        }

        if (plan.Pattern is { } pattern)
        {
            bool matches;
            try
            {
                matches = pattern.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                matches = false;
            }

            if (!matches)
            {
                errors.Add(new(path, FormErrorCodes.Pattern, definition.PatternMessage ?? $"{field.Name} does not have the expected form ({definition.Pattern})."));
            }
        }
    }

    private static void CheckFile(FieldPlan plan, string name, string? type, double? size, string path, ImmutableArray<FormError>.Builder errors)
    {
        var field = plan.Layout;
        var definition = field.Definition;
        if (!definition.Accept.IsDefaultOrEmpty && !Accepts(definition.Accept, name, type))
        {
            errors.Add(new(path, FormErrorCodes.Accept, $"{field.Name}: '{name}'{(type is null ? "" : $" ({type})")} is not an accepted kind of file; accepted: {string.Join(", ", definition.Accept)}."));
        }

        if (definition.MaxSizeBytes is { } max && size > max)
        {
            errors.Add(new(path, FormErrorCodes.MaxSize, $"{field.Name}: '{name}' is {Size(size.Value)}; the largest accepted is {Size(max)}."));
        }
    }

    /// <summary>Whether a file named <paramref name="name"/> of media type <paramref name="type"/> is one of <paramref name="accept"/> (any file when the list is empty).</summary>
    public static bool Accepts(ImmutableArray<string> accept, string name, string? type) =>
        accept.IsDefaultOrEmpty || accept.Any(a => Accepts(a, name, type));

    /// <summary>An accept entry is an extension (<c>.png</c>), a media type (<c>application/pdf</c>) or a family (<c>image/*</c>).</summary>
    private static bool Accepts(string accept, string name, string? type)
    {
        if (accept.StartsWith('.'))
        {
            return name.EndsWith(accept, StringComparison.OrdinalIgnoreCase);
        }

        if (type is null)
        {
            return false;
        }

        return accept.EndsWith("/*", StringComparison.Ordinal)
            ? type.StartsWith(accept[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(accept, type, StringComparison.OrdinalIgnoreCase);
    }

    private static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);

    public static string Size(double bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024):0.#} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
