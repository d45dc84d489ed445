using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Validation.RuleSets;

/// <summary>
/// Each action type needs its own properties (a goTo its step, a raiseException its code and message, …) and no
/// others: a property its type does not use would be silently ignored.
/// </summary>
internal sealed class ActionShapeRule : DefinitionRule<RuleSetDefinition>
{
    /// <summary>The properties each action type uses besides 'type'; docs/metadata.md shows the same table.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Applicable = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ActionTypes.GoTo] = ["step"],
        [ActionTypes.SetData] = ["path", "value", "expression"],
        [ActionTypes.Assign] = ["assignee"],
        [ActionTypes.RaiseException] = ["code", "message", "severity"],
        [ActionTypes.ResolveException] = ["code"],
        [ActionTypes.Notify] = ["assignee", "message", "expression"],
        [ActionTypes.CallWebhook] = ["webhook"],
    };

    protected override void Check(RuleSetDefinition definition, RuleContext context)
    {
        for (var i = 0; i < definition.Rules.Length; i++)
        {
            var rule = definition.Rules[i];
            var goTos = 0;
            for (var j = 0; j < rule.Then.Length; j++)
            {
                var action = rule.Then[j];
                var at = JsonPath.Root.Property("rules").Index(i).Property("then").Index(j);
                goTos += action.Type == ActionTypes.GoTo ? 1 : 0;
                CheckAction(action, at, context);
                CheckStrayProperties(action, at, context);
            }

            if (goTos > 1)
            {
                context.Report(JsonPath.Root.Property("rules").Index(i).Property("then"), "rule.manyRoutes", "A rule may route to one step only. Split it into rules with different conditions or salience.");
            }
        }
    }

    private static void CheckAction(ActionDefinition action, string at, RuleContext context)
    {
        void Needs(bool present, string property, string example)
        {
            if (!present)
            {
                context.Report(at.Property(property), "action.missingProperty", $"A {action.Type} action needs '{property}', e.g. {example}.");
            }
        }

        switch (action.Type)
        {
            case ActionTypes.GoTo:
                Needs(!string.IsNullOrWhiteSpace(action.Step), "step", "\"step\": \"finance-review\"");
                break;
            case ActionTypes.SetData:
                Needs(!string.IsNullOrWhiteSpace(action.Path), "path", "\"path\": \"priority\"");
                if ((action.Value is null) == (action.Expression is null))
                {
                    context.Report(at.Property("value"), "action.valueShape", "A setData action needs exactly one of 'value' (a literal) or 'expression'.");
                }

                break;
            case ActionTypes.Assign:
                Needs(action.Assignee is not null, "assignee", "\"assignee\": { \"role\": \"finance\" }");
                break;
            case ActionTypes.RaiseException:
                Needs(!string.IsNullOrWhiteSpace(action.Code), "code", "\"code\": \"AMOUNT_OVER_LIMIT\"");
                Needs(!string.IsNullOrWhiteSpace(action.Message), "message", "\"message\": \"The amount is over the approval limit\"");
                if (action.Severity is { } severity && !ActionTypes.Severities.Contains(severity, StringComparer.Ordinal))
                {
                    context.Report(at.Property("severity"), "action.severity", $"'{severity}' is not a severity. Use one of {string.Join(", ", ActionTypes.Severities)}.");
                }

                break;
            case ActionTypes.ResolveException:
                Needs(!string.IsNullOrWhiteSpace(action.Code), "code", "\"code\": \"AMOUNT_OVER_LIMIT\"");
                break;
            case ActionTypes.Notify:
                Needs(action.Assignee is not null, "assignee", "\"assignee\": { \"role\": \"finance-lead\" }");
                Needs(action.Message is not null || action.Expression is not null, "message", "\"message\": \"Expense waiting for you\"");
                break;
            case ActionTypes.CallWebhook:
                Needs(action.Webhook is not null, "webhook", "\"webhook\": { \"url\": \"https://crm.example.com/hooks\" }");
                break;
            default:
                context.Report(at.Property("type"), "action.unknownType", $"'{action.Type}' is not an action.{KeyFormat.DidYouMean(action.Type, ActionTypes.All)} Known actions: {string.Join(", ", ActionTypes.All)}.");
                break;
        }
    }

    private static void CheckStrayProperties(ActionDefinition action, string at, RuleContext context)
    {
        if (!Applicable.TryGetValue(action.Type, out var applicable))
        {
            return;
        }

        foreach (var property in Present(action).Where(p => !applicable.Contains(p, StringComparer.Ordinal)))
        {
            var owners = ActionTypes.All.Where(t => Applicable[t].Contains(property, StringComparer.Ordinal));
            context.Report(
                at.Property(property),
                "action.propertyNotApplicable",
                $"'{property}' does not apply to a {action.Type} action, which uses only {string.Join(", ", applicable.Select(p => $"'{p}'"))}; '{property}' belongs to {string.Join(", ", owners)} actions. Remove it, or change the action type.");
        }
    }

    /// <summary>The JSON names of the properties an action sets besides 'type'.</summary>
    private static IEnumerable<string> Present(ActionDefinition action)
    {
        var properties = new (string Name, bool Present)[]
        {
            ("step", action.Step is not null),
            ("path", action.Path is not null),
            ("value", action.Value is not null),
            ("expression", action.Expression is not null),
            ("assignee", action.Assignee is not null),
            ("code", action.Code is not null),
            ("message", action.Message is not null),
            ("severity", action.Severity is not null),
            ("webhook", action.Webhook is not null),
        };
        return properties.Where(p => p.Present).Select(p => p.Name);
    }
}
