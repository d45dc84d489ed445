using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Common;

/// <summary>SLAs, timer durations, link lifetimes and webhook timeouts must be ISO-8601 durations.</summary>
internal sealed class DurationRule : DefinitionRule<IDefinition>
{
    protected override void Check(IDefinition definition, RuleContext context)
    {
        foreach (var (path, text) in Durations(definition))
        {
            if (!IsoDuration.TryParse(text, out _, out var error))
            {
                context.Report(path, "duration.format", error!);
            }
        }
    }

    private static IEnumerable<(string Path, string Text)> Durations(IDefinition definition)
    {
        switch (definition)
        {
            case ProcessDefinition process:
                if (process.Sla is { } sla)
                {
                    yield return ("$.sla", sla);
                }

                for (var i = 0; i < process.Steps.Length; i++)
                {
                    var step = process.Steps[i];
                    var at = JsonPath.Root.Property("steps").Index(i);
                    if (step.Sla is { } stepSla)
                    {
                        yield return (at.Property("sla"), stepSla);
                    }

                    if (step.Duration is { } duration)
                    {
                        yield return (at.Property("duration"), duration);
                    }

                    if (step.Assignee?.External?.LinkValidFor is { } valid)
                    {
                        yield return (at.Property("assignee").Property("external").Property("linkValidFor"), valid);
                    }

                    if (step.Webhook?.Timeout is { } timeout)
                    {
                        yield return (at.Property("webhook").Property("timeout"), timeout);
                    }
                }

                break;
            case RuleSetDefinition ruleSet:
                for (var i = 0; i < ruleSet.Rules.Length; i++)
                {
                    for (var j = 0; j < ruleSet.Rules[i].Then.Length; j++)
                    {
                        var action = ruleSet.Rules[i].Then[j];
                        var at = JsonPath.Root.Property("rules").Index(i).Property("then").Index(j);
                        if (action.Webhook?.Timeout is { } timeout)
                        {
                            yield return (at.Property("webhook").Property("timeout"), timeout);
                        }

                        if (action.Assignee?.External?.LinkValidFor is { } valid)
                        {
                            yield return (at.Property("assignee").Property("external").Property("linkValidFor"), valid);
                        }
                    }
                }

                break;
        }
    }
}
