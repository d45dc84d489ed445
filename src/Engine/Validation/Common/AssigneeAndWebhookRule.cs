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
            if (webhook.Connection is { } connection)
            {
                if (!KeyFormat.IsDefinitionKey(connection))
                {
                    context.Report(path.Property("connection"), "webhook.connection", $"'{connection}' is not a connection name. Use the name of an entry under LowCode:Connections, e.g. 'erp'.");
                }

                if (webhook.Url is { } relative && (relative.Contains("://", StringComparison.Ordinal) || relative.StartsWith("//", StringComparison.Ordinal)))
                {
                    context.Report(path.Property("url"), "webhook.url", $"'{relative}' is an absolute address, but the webhook names connection '{connection}': write only the path under the connection's base URL, e.g. '/api/hooks/onboarding'.");
                }
            }
            else if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                context.Report(path.Property("url"), "webhook.url", $"'{webhook.Url}' is not an absolute http or https address, e.g. 'https://crm.example.com/hooks/onboarding'; better, name a 'connection' from configuration and give the path here.");
            }
            else
            {
                context.Warn(path.Property("url"), "webhook.literalUrl", $"'{webhook.Url}' is a literal address in metadata; the runtime refuses it. Put the base URL (and secret) in configuration as LowCode:Connections:<name>, then write \"connection\": \"<name>\" and \"url\": \"{uri.PathAndQuery}\".");
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
