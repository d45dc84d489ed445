using System.Text.RegularExpressions;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Forms;

/// <summary>Constraints must fit the field's type and each other (min ≤ max, a pattern that compiles, options for a select, …).</summary>
internal sealed class FieldConstraintsRule : DefinitionRule<FormDefinition>
{
    protected override void Check(FormDefinition definition, RuleContext context)
    {
        foreach (var (field, path, _) in FieldWalker.Walk(definition))
        {
            if (field.ParsedType() is { } type)
            {
                CheckField(field, type, path, context);
            }
        }
    }

    private static void CheckField(FieldDefinition field, FieldType type, string path, RuleContext context)
    {
        var typeName = field.Type;
        void NotFor(string property, string appliesTo) =>
            context.Report(path.Property(property), "field.constraintNotApplicable", $"'{property}' does not apply to a {typeName} field; it applies to {appliesTo}. Remove it or change the type.");

        if (!FieldTypes.IsNumeric(type))
        {
            if (field.Min is not null)
            {
                NotFor("min", "number and integer fields");
            }

            if (field.Max is not null)
            {
                NotFor("max", "number and integer fields");
            }
        }
        else if (field.Min > field.Max)
        {
            context.Report(path.Property("min"), "field.minAboveMax", $"min ({field.Min}) is greater than max ({field.Max}), so no value could be valid. Swap them or correct one.");
        }

        if (!FieldTypes.IsTemporal(type))
        {
            if (field.MinDate is not null)
            {
                NotFor("minDate", "date and datetime fields");
            }

            if (field.MaxDate is not null)
            {
                NotFor("maxDate", "date and datetime fields");
            }
        }
        else
        {
            var min = CheckDate(field.MinDate, path.Property("minDate"), context);
            var max = CheckDate(field.MaxDate, path.Property("maxDate"), context);
            if (min > max)
            {
                context.Report(path.Property("minDate"), "field.minAboveMax", $"minDate ({field.MinDate}) is after maxDate ({field.MaxDate}), so no date could be valid.");
            }
        }

        if (!FieldTypes.IsTextual(type))
        {
            if (field.MinLength is not null)
            {
                NotFor("minLength", "text, textarea, email and url fields");
            }

            if (field.MaxLength is not null)
            {
                NotFor("maxLength", "text, textarea, email and url fields");
            }

            if (field.Pattern is not null)
            {
                NotFor("pattern", "text, textarea, email and url fields");
            }
        }
        else
        {
            if (field.MinLength < 0 || field.MaxLength < 0)
            {
                context.Report(path.Property(field.MinLength < 0 ? "minLength" : "maxLength"), "field.negativeLength", "A length cannot be negative.");
            }
            else if (field.MinLength > field.MaxLength)
            {
                context.Report(path.Property("minLength"), "field.minAboveMax", $"minLength ({field.MinLength}) is greater than maxLength ({field.MaxLength}).");
            }

            if (field.Pattern is { } pattern)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
                }
                catch (ArgumentException ex)
                {
                    context.Report(path.Property("pattern"), "field.badPattern", $"The pattern is not a valid regular expression: {ex.Message}");
                }
            }
        }

        CheckOptions(field, type, path, context);
        CheckChildren(field, type, path, context, NotFor);

        if (type == FieldType.Computed && string.IsNullOrWhiteSpace(field.Computed))
        {
            context.Report(path.Property("computed"), "field.computedMissing", "A computed field needs a 'computed' expression, e.g. \"sum(lines, 'cost')\".");
        }
        else if (type != FieldType.Computed && field.Computed is not null)
        {
            NotFor("computed", "computed fields (change the type to 'computed')");
        }

        if (type == FieldType.Static && string.IsNullOrWhiteSpace(field.Content))
        {
            context.Report(path.Property("content"), "field.contentMissing", "A static field needs 'content': the text to show.");
        }

        if (type != FieldType.File && (field.MaxSizeBytes is not null || !field.Accept.IsDefaultOrEmpty))
        {
            NotFor(field.MaxSizeBytes is not null ? "maxSizeBytes" : "accept", "file fields");
        }
        else if (field.MaxSizeBytes <= 0)
        {
            context.Report(path.Property("maxSizeBytes"), "field.badSize", "maxSizeBytes must be a positive number of bytes.");
        }

        if (FieldTypes.IsPresentational(type) || type == FieldType.Computed)
        {
            if (field.Required || field.RequiredWhen is not null)
            {
                NotFor(field.Required ? "required" : "requiredWhen", "fields people fill in");
            }
        }
    }

    private static DateOnly? CheckDate(string? text, string path, RuleContext context)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
        {
            return date;
        }

        context.Report(path, "field.badDate", $"'{text}' is not a date. Write it as YYYY-MM-DD, e.g. '2026-01-31'.");
        return null;
    }

    private static void CheckOptions(FieldDefinition field, FieldType type, string path, RuleContext context)
    {
        if (!FieldTypes.HasOptions(type))
        {
            if (!field.Options.IsDefaultOrEmpty)
            {
                context.Report(path.Property("options"), "field.constraintNotApplicable", $"'options' does not apply to a {field.Type} field; it applies to select and multiselect fields.");
            }

            return;
        }

        if (field.Options.IsDefaultOrEmpty)
        {
            context.Report(path.Property("options"), "field.optionsMissing", $"A {field.Type} field needs at least one option to choose from.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < field.Options.Length; i++)
        {
            if (!seen.Add(field.Options[i].Value))
            {
                context.Report(path.Property("options").Index(i).Property("value"), "field.duplicateOption", $"The option value '{field.Options[i].Value}' appears twice. Each option needs its own value.");
            }
        }
    }

    private static void CheckChildren(FieldDefinition field, FieldType type, string path, RuleContext context, Action<string, string> notFor)
    {
        if (FieldTypes.HasChildren(type))
        {
            if (field.Fields.IsDefaultOrEmpty)
            {
                context.Report(path.Property("fields"), "field.childrenMissing", $"A {field.Type} needs 'fields': the fields it contains.");
            }
        }
        else if (!field.Fields.IsDefaultOrEmpty)
        {
            notFor("fields", "group and repeating fields");
        }

        if (type != FieldType.Repeating)
        {
            if (field.MinRows is not null || field.MaxRows is not null)
            {
                notFor(field.MinRows is not null ? "minRows" : "maxRows", "repeating fields");
            }
        }
        else if (field.MinRows < 0 || field.MaxRows < 0)
        {
            context.Report(path.Property(field.MinRows < 0 ? "minRows" : "maxRows"), "field.negativeRows", "A number of rows cannot be negative.");
        }
        else if (field.MinRows > field.MaxRows)
        {
            context.Report(path.Property("minRows"), "field.minAboveMax", $"minRows ({field.MinRows}) is greater than maxRows ({field.MaxRows}).");
        }
    }
}
