using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Forms;

/// <summary>
/// Evaluates data against a form: the one function behind the designer's live preview and a task's submission, so the
/// two never disagree. Coerces values to their field types, applies defaults, works out visibility and computed values
/// in dependency order, checks required fields, built-in constraints and cross-field validations, and returns every
/// error at once. Never throws for bad data or a failing expression. Thread-safe.
/// </summary>
public sealed class FormEvaluator
{
    // Keyed by the definition instance: a pinned version is one long-lived instance, so its expressions are compiled
    // once; an entry goes when its definition is collected, which keeps the cache as small as the definitions in use.
    private readonly ConditionalWeakTable<FormDefinition, FormPlan> _plans = [];
    private readonly IExpressionEvaluator _expressions;

    public FormEvaluator(IExpressionEvaluator expressions)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        _expressions = expressions;
    }

    /// <summary>Evaluates <paramref name="data"/> (null: an empty form) against <paramref name="form"/>; see docs/forms-runtime.md for the rules.</summary>
    public FormEvaluation Evaluate(FormDefinition form, JsonObject? data, FormEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(options);
        return new FormRun(Plan(form), _expressions, options).Run(data);
    }

    /// <summary>Whether <paramref name="form"/> has a file field anywhere, so a submission's caller needs the instance's uploads.</summary>
    public bool HasFileFields(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Plan(form).HasFileFields;
    }

    private FormPlan Plan(FormDefinition form) => _plans.GetValue(form, f => new FormPlan(f, _expressions));
}
