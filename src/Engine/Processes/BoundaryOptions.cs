using LowCode.Engine.Webhooks;

namespace LowCode.Engine.Processes;

/// <summary>
/// Configuration of the runtime at its boundaries (timers, webhooks, notifications, signals); bound from
/// <c>LowCode:Connections</c>, <c>LowCode:Outbound</c>, <c>LowCode:Mail</c> and <c>LowCode:Signals</c>. docs/operations.md lists every key.
/// </summary>
public sealed class BoundaryOptions
{
    /// <summary>Named connections webhooks use (name → base URL, secret, headers).</summary>
    public Dictionary<string, WebhookConnection> Connections { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Hosts (names or IP addresses) a webhook may reach even though they are private, loopback or link-local.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Role → e-mail addresses notifications for that role go to (a distribution list, say).</summary>
    public Dictionary<string, string[]> RoleAddresses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The public base URL of this product, used to build resume URLs (e.g. <c>https://lowcode.example.com</c>).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>How long a resume URL's token stays valid.</summary>
    public TimeSpan SignalTokenValidFor { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Groups whose members may send a signal to any instance (besides a resume URL's token holder).</summary>
    public List<string> SignalGroups { get; set; } = ["admin", "integration"];

    /// <summary>How long a poller holds a claimed timer or outbox row before another node may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many rows one poll claims.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How often the hosted pollers look for due timers and messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
