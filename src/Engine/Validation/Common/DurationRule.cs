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
        if (definition is ProcessDefinition process)
        {
            if (process.Sla is { } sla)
            {
                yield return ("$.sla", sla);
            }

            foreach (var (at, step) in DefinitionParts.Steps(process))
            {
                if (step.Sla is { } stepSla)
                {
                    yield return (at.Property("sla"), stepSla);
                }

                if (step.Duration is { } duration)
                {
                    yield return (at.Property("duration"), duration);
                }
            }
        }

        foreach (var (at, assignee) in DefinitionParts.Assignees(definition))
        {
            if (assignee.External?.LinkValidFor is { } valid)
            {
                yield return (at.Property("external").Property("linkValidFor"), valid);
            }
        }

        foreach (var (at, webhook) in DefinitionParts.Webhooks(definition))
        {
            if (webhook.Timeout is { } timeout)
            {
                yield return (at.Property("timeout"), timeout);
            }
        }
    }
}
