using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Forms;

/// <summary>What evaluating one field needs, prepared once per form definition: compiled expressions, pattern, bounds, options.</summary>
internal sealed class FieldPlan
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(250);

    public FieldPlan(LayoutField layout, IExpressionEvaluator evaluator)
    {
        Layout = layout;
        var definition = layout.Definition;
        var path = layout.DefinitionPath;
        VisibleWhen = PlanExpression.Create(evaluator, definition.VisibleWhen, path + ".visibleWhen", layout.Scope);
        RequiredWhen = PlanExpression.Create(evaluator, definition.RequiredWhen, path + ".requiredWhen", layout.Scope);
        ReadonlyWhen = PlanExpression.Create(evaluator, definition.ReadonlyWhen, path + ".readonlyWhen", layout.Scope);
        Computed = layout.Type == FieldType.Computed
            ? PlanExpression.Create(evaluator, definition.Computed, path + ".computed", layout.Scope)
            : null;
        Pattern = CompilePattern(definition.Pattern);
        MinDate = ParseDate(definition.MinDate);
        MaxDate = ParseDate(definition.MaxDate);
        Options = definition.Options.IsDefaultOrEmpty ? FrozenSet<string>.Empty : definition.Options.Select(o => o.Value).ToFrozenSet(StringComparer.Ordinal);
        Default = definition.Default is { ValueKind: not System.Text.Json.JsonValueKind.Null } value ? JsonNode.Parse(value.GetRawText()) : null;
    }

    public LayoutField Layout { get; }

    public PlanExpression? VisibleWhen { get; }

    public PlanExpression? RequiredWhen { get; }

    public PlanExpression? ReadonlyWhen { get; }

    public PlanExpression? Computed { get; }

    /// <summary>The pattern anchored to the whole value; null when there is none or it does not compile (the validator reports that).</summary>
    public Regex? Pattern { get; }

    public DateOnly? MinDate { get; }

    public DateOnly? MaxDate { get; }

    public FrozenSet<string> Options { get; }

    /// <summary>The default value, copied for each use.</summary>
    public JsonNode? Default { get; }

    private static Regex? CompilePattern(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return null;
        }

        var anchored = $"^(?:{pattern})$";
        try
        {
            // Linear-time matching where the pattern allows it, so a hostile value cannot make a check slow.
            return new Regex(anchored, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            return TryBacktracking(anchored);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Regex? TryBacktracking(string anchored)
    {
        try
        {
            return new Regex(anchored, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
