using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Common;

/// <summary>
/// The parts of a definition several rules look at, each with its JSON path: the one place that knows where steps,
/// rule actions, assignees and webhooks live, so every rule reports them at the same paths.
/// </summary>
internal static class DefinitionParts
{
    public static IEnumerable<(string Path, StepDefinition Step)> Steps(ProcessDefinition process)
    {
        for (var i = 0; i < process.Steps.Length; i++)
        {
            yield return (JsonPath.Root.Property("steps").Index(i), process.Steps[i]);
        }
    }

    public static IEnumerable<(string Path, ActionDefinition Action, RuleDefinition Rule)> Actions(RuleSetDefinition ruleSet)
    {
        for (var i = 0; i < ruleSet.Rules.Length; i++)
        {
            var rule = ruleSet.Rules[i];
            for (var j = 0; j < rule.Then.Length; j++)
            {
                yield return (JsonPath.Root.Property("rules").Index(i).Property("then").Index(j), rule.Then[j], rule);
            }
        }
    }

    /// <summary>Every assignee: of process steps, and of rule actions.</summary>
    public static IEnumerable<(string Path, AssigneeDefinition Assignee)> Assignees(IDefinition definition) =>
        Owners(definition)
            .Where(o => o.Assignee is not null)
            .Select(o => (o.Path.Property("assignee"), o.Assignee!));

    /// <summary>Every webhook: of webhook steps, and of callWebhook actions.</summary>
    public static IEnumerable<(string Path, WebhookDefinition Webhook)> Webhooks(IDefinition definition) =>
        Owners(definition)
            .Where(o => o.Webhook is not null)
            .Select(o => (o.Path.Property("webhook"), o.Webhook!));

    private static IEnumerable<(string Path, AssigneeDefinition? Assignee, WebhookDefinition? Webhook)> Owners(IDefinition definition) => definition switch
    {
        ProcessDefinition process => Steps(process).Select(s => (s.Path, s.Step.Assignee, s.Step.Webhook)),
        RuleSetDefinition ruleSet => Actions(ruleSet).Select(a => (a.Path, a.Action.Assignee, a.Action.Webhook)),
        _ => [],
    };
}
