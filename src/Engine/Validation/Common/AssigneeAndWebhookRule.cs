using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Common;

/// <summary>An assignee names exactly one kind of person; a webhook is an absolute http(s) call with sane retries.</summary>
internal sealed class AssigneeAndWebhookRule : DefinitionRule<IDefinition>
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    protected override void Check(IDefinition definition, RuleContext context)
    {
        foreach (var (path, assignee) in Assignees(definition))
        {
            var kinds = new[] { assignee.Role is not null, assignee.User is not null, assignee.Expression is not null, assignee.External is not null }.Count(b => b);
            if (kinds != 1)
            {
                context.Report(path, "assignee.shape", $"An assignee needs exactly one of 'role', 'user', 'expression' or 'external' (found {kinds}). E.g. {{ \"role\": \"manager\" }}.");
            }
        }

        foreach (var (path, webhook) in Webhooks(definition))
        {
            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                context.Report(path.Property("url"), "webhook.url", $"'{webhook.Url}' is not an absolute http or https address, e.g. 'https://crm.example.com/hooks/onboarding'.");
            }

            if (webhook.Method is { } method && !Methods.Contains(method, StringComparer.Ordinal))
            {
                context.Report(path.Property("method"), "webhook.method", $"'{method}' is not a supported method. Use one of {string.Join(", ", Methods)} (upper case).");
            }

            if (webhook.Retries is < 0 or > 10)
            {
                context.Report(path.Property("retries"), "webhook.retries", "retries must be between 0 and 10.");
            }
        }
    }

    private static IEnumerable<(string, AssigneeDefinition)> Assignees(IDefinition definition)
    {
        if (definition is ProcessDefinition process)
        {
            for (var i = 0; i < process.Steps.Length; i++)
            {
                if (process.Steps[i].Assignee is { } a)
                {
                    yield return (JsonPath.Root.Property("steps").Index(i).Property("assignee"), a);
                }
            }
        }

        foreach (var (path, action) in Actions(definition))
        {
            if (action.Assignee is { } a)
            {
                yield return (path.Property("assignee"), a);
            }
        }
    }

    private static IEnumerable<(string, WebhookDefinition)> Webhooks(IDefinition definition)
    {
        if (definition is ProcessDefinition process)
        {
            for (var i = 0; i < process.Steps.Length; i++)
            {
                if (process.Steps[i].Webhook is { } w)
                {
                    yield return (JsonPath.Root.Property("steps").Index(i).Property("webhook"), w);
                }
            }
        }

        foreach (var (path, action) in Actions(definition))
        {
            if (action.Webhook is { } w)
            {
                yield return (path.Property("webhook"), w);
            }
        }
    }

    private static IEnumerable<(string, ActionDefinition)> Actions(IDefinition definition)
    {
        if (definition is not RuleSetDefinition ruleSet)
        {
            yield break;
        }

        for (var i = 0; i < ruleSet.Rules.Length; i++)
        {
            for (var j = 0; j < ruleSet.Rules[i].Then.Length; j++)
            {
                yield return (JsonPath.Root.Property("rules").Index(i).Property("then").Index(j), ruleSet.Rules[i].Then[j]);
            }
        }
    }
}
