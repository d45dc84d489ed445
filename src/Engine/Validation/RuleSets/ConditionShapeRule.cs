using System.Text.Json;
using System.Text.RegularExpressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Validation.RuleSets;

/// <summary>
/// A condition is exactly one of: path/op/value, expression, not, exists; no parts of another shape stand beside it;
/// operators and values must agree.
/// </summary>
internal sealed class ConditionShapeRule : DefinitionRule<RuleSetDefinition>
{
    protected override void Check(RuleSetDefinition definition, RuleContext context)
    {
        for (var i = 0; i < definition.Rules.Length; i++)
        {
            CheckAll(definition.Rules[i].When, JsonPath.Root.Property("rules").Index(i).Property("when"), context);
        }
    }

    private static void CheckAll(IReadOnlyList<ConditionDefinition> conditions, string path, RuleContext context)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            Check(conditions[i], path.Index(i), context);
        }
    }

    private static void Check(ConditionDefinition condition, string at, RuleContext context)
    {
        var heads = new[] { condition.Expression is not null, condition.Not is not null, condition.Exists is not null }.Count(b => b);
        var structured = condition.Path is not null || condition.Op is not null;
        if (heads > 1 || (heads == 0 && !structured))
        {
            context.Report(at, "condition.shape", "A condition needs exactly one of: 'path' with 'op' (and 'value'), 'expression', 'not' or 'exists'. E.g. { \"path\": \"amount\", \"op\": \">\", \"value\": 1000 }.");
            return;
        }

        if (heads == 1)
        {
            ReportStructuredParts(condition, at, context);
        }

        if (condition.Not is { } not)
        {
            CheckPattern(not, at.Property("not"), context);
        }
        else if (condition.Exists is { } exists)
        {
            CheckPattern(exists, at.Property("exists"), context);
        }
        else if (condition.Expression is null)
        {
            CheckStructured(condition, at, context);
        }
    }

    /// <summary>
    /// Beside 'expression', 'not' or 'exists', the parts of a structured test (fact, path, op, value) would be
    /// silently ignored, so each is reported at its own path with what to write instead.
    /// </summary>
    private static void ReportStructuredParts(ConditionDefinition condition, string at, RuleContext context)
    {
        var (shape, instead) = condition switch
        {
            { Not: not null } => ("not", "name the fact inside it, e.g. { \"not\": { \"fact\": \"task\", \"where\": [ { \"path\": \"outcome\", \"op\": \"==\", \"value\": \"rejected\" } ] } }"),
            { Exists: not null } => ("exists", "name the fact inside it, e.g. { \"exists\": { \"fact\": \"task\", \"where\": [ { \"path\": \"outcome\", \"op\": \"==\", \"value\": \"rejected\" } ] } }"),
            _ => ("expression", "write the whole test in the expression, e.g. \"total > 1000\""),
        };
        var parts = new (string Name, bool Present)[]
        {
            ("fact", condition.Fact is not null),
            ("path", condition.Path is not null),
            ("op", condition.Op is not null),
            ("value", condition.Value is not null),
        };
        foreach (var (name, _) in parts.Where(p => p.Present))
        {
            context.Report(
                at.Property(name),
                "condition.propertyNotApplicable",
                $"'{name}' does not apply beside '{shape}': a condition is either a structured test (fact, path, op, value) or '{shape}', and here '{shape}' decides. Remove '{name}' and {instead}; or remove '{shape}' to keep the structured test.");
        }
    }

    private static void CheckPattern(FactPattern pattern, string at, RuleContext context)
    {
        if (!ActionTypes.Facts.Contains(pattern.Fact, StringComparer.Ordinal))
        {
            context.Report(at.Property("fact"), "condition.unknownFact", $"'{pattern.Fact}' is not a fact rules can see.{KeyFormat.DidYouMean(pattern.Fact, ActionTypes.Facts)} Known facts: {string.Join(", ", ActionTypes.Facts)}.");
        }

        CheckAll(pattern.Where, at.Property("where"), context);
    }

    private static void CheckStructured(ConditionDefinition condition, string at, RuleContext context)
    {
        if (condition.Fact is { } fact && !ActionTypes.Facts.Contains(fact, StringComparer.Ordinal))
        {
            context.Report(at.Property("fact"), "condition.unknownFact", $"'{fact}' is not a fact rules can see.{KeyFormat.DidYouMean(fact, ActionTypes.Facts)} Known facts: {string.Join(", ", ActionTypes.Facts)}.");
        }

        if (string.IsNullOrWhiteSpace(condition.Path))
        {
            context.Report(at.Property("path"), "condition.pathMissing", "Say which value to test in 'path', e.g. \"amount\" or \"customer.country\".");
        }

        if (condition.Op is not { } op || !ActionTypes.Operators.Contains(op, StringComparer.Ordinal))
        {
            context.Report(at.Property("op"), "condition.unknownOperator", $"'{condition.Op}' is not an operator.{KeyFormat.DidYouMean(condition.Op, ActionTypes.Operators)} Use one of {string.Join(", ", ActionTypes.Operators)}.");
            return;
        }

        var value = condition.Value;
        switch (op)
        {
            case "isEmpty" or "isNotEmpty":
                if (value is not null)
                {
                    context.Report(at.Property("value"), "condition.valueNotApplicable", $"'{op}' takes no value. Remove 'value'.");
                }

                break;
            case "in" or "notIn":
                if (value is not { ValueKind: JsonValueKind.Array })
                {
                    context.Report(at.Property("value"), "condition.valueShape", $"'{op}' needs a list of values, e.g. [\"EU\", \"UK\"].");
                }

                break;
            case "between":
                if (value is not { ValueKind: JsonValueKind.Array } range || range.GetArrayLength() != 2)
                {
                    context.Report(at.Property("value"), "condition.valueShape", "'between' needs a list of exactly two bounds, e.g. [100, 500].");
                }

                break;
            case "matches":
                if (value is not { ValueKind: JsonValueKind.String } pattern)
                {
                    context.Report(at.Property("value"), "condition.valueShape", "'matches' needs a regular expression as text, e.g. \"^INV-[0-9]+$\".");
                }
                else
                {
                    try
                    {
                        _ = new Regex(pattern.GetString()!, RegexOptions.None, TimeSpan.FromMilliseconds(100));
                    }
                    catch (ArgumentException ex)
                    {
                        context.Report(at.Property("value"), "condition.badPattern", $"The regular expression does not compile: {ex.Message}");
                    }
                }

                break;
            default:
                if (value is null)
                {
                    context.Report(at.Property("value"), "condition.valueMissing", $"'{op}' needs a 'value' to compare with.");
                }

                break;
        }
    }
}
