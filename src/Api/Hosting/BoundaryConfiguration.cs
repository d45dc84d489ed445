using LowCode.Engine.Notifications;
using LowCode.Engine.Processes;
using LowCode.Engine.Webhooks;

namespace LowCode.Api.Hosting;

/// <summary>
/// Reads the runtime's boundaries from configuration: <c>LowCode:Connections</c> (named webhook connections),
/// <c>LowCode:Outbound:AllowedHosts</c>, <c>LowCode:Notifications:RoleAddresses</c>, <c>LowCode:Signals</c>,
/// <c>LowCode:Timers</c> and <c>LowCode:Mail</c>. docs/operations.md lists every key.
/// </summary>
internal static class BoundaryConfiguration
{
    public static BoundaryOptions Read(IConfiguration configuration)
    {
        var options = new BoundaryOptions();
        foreach (var section in configuration.GetSection("LowCode:Connections").GetChildren())
        {
            var connection = section.Get<WebhookConnection>() ?? new WebhookConnection();
            if (!Uri.TryCreate(connection.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"LowCode:Connections:{section.Key}:BaseUrl is '{connection.BaseUrl}'; give an absolute http or https address, e.g. 'https://erp.example.com'.");
            }

            options.Connections[section.Key] = connection;
        }

        options.AllowedHosts.AddRange(configuration.GetSection("LowCode:Outbound:AllowedHosts").Get<string[]>() ?? []);
        foreach (var role in configuration.GetSection("LowCode:Notifications:RoleAddresses").GetChildren())
        {
            options.RoleAddresses[role.Key] = role.Get<string[]>() ?? (role.Value is { } single ? [single] : []);
        }

        options.PublicBaseUrl = configuration["LowCode:PublicBaseUrl"] ?? options.PublicBaseUrl;
        options.SignalTokenValidFor = configuration.GetValue("LowCode:Signals:TokenValidFor", options.SignalTokenValidFor);
        if (configuration.GetSection("LowCode:Signals:Groups").Get<string[]>() is { Length: > 0 } groups)
        {
            options.SignalGroups = [.. groups];
        }

        options.PollInterval = configuration.GetValue("LowCode:Timers:PollInterval", options.PollInterval);
        options.LeaseDuration = configuration.GetValue("LowCode:Timers:LeaseDuration", options.LeaseDuration);
        options.BatchSize = configuration.GetValue("LowCode:Timers:BatchSize", options.BatchSize);
        return options;
    }

    public static MailOptions Mail(IConfiguration configuration)
    {
        var mail = configuration.GetSection("LowCode:Mail").Get<MailOptions>() ?? new MailOptions();
        if (!mail.Captures && !string.Equals(mail.Mode, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"LowCode:Mail:Mode is '{mail.Mode}'; use 'Capture' (development: mails are stored and listed, not sent) or 'Smtp'.");
        }

        return mail;
    }
}
