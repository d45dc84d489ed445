using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Common;

/// <summary>An assignee names exactly one kind of person; a webhook is an absolute http(s) call with sane retries.</summary>
internal sealed class AssigneeAndWebhookRule : DefinitionRule<IDefinition>
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    protected override void Check(IDefinition definition, RuleContext context)
    {
        foreach (var (path, assignee) in DefinitionParts.Assignees(definition))
        {
            var kinds = new[] { assignee.Role is not null, assignee.User is not null, assignee.Expression is not null, assignee.External is not null }.Count(b => b);
            if (kinds != 1)
            {
                context.Report(path, "assignee.shape", $"An assignee needs exactly one of 'role', 'user', 'expression' or 'external' (found {kinds}). E.g. {{ \"role\": \"manager\" }}.");
            }
        }

        foreach (var (path, webhook) in DefinitionParts.Webhooks(definition))
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
}
