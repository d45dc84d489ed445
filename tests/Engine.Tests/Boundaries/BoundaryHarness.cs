using LowCode.Engine.Notifications;
using LowCode.Engine.Outbox;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;
using LowCode.Engine.Timers;
using LowCode.Engine.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Boundaries;

/// <summary>
/// The seed apps on a fake clock with their connections pointed at a local Kestrel server, and the pollers a host would
/// run: the tests drive them by calling RunOnceAsync, never by waiting.
/// </summary>
internal sealed class BoundaryHarness : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";

    private BoundaryHarness(RuntimeHarness runtime, LocalWebhookServer server, bool allowLoopback, string? baseUrl)
    {
        Runtime = runtime;
        Server = server;
        var boundaries = runtime.Options.Boundaries;
        foreach (var name in new[] { "erp", "crm", "iam", "itsm" })
        {
            boundaries.Connections[name] = new WebhookConnection { BaseUrl = baseUrl ?? server.BaseUrl.ToString(), Secret = Secret, RetryDelay = TimeSpan.Zero };
        }

        if (allowLoopback)
        {
            boundaries.AllowedHosts.Add("127.0.0.1");
        }

        boundaries.RoleAddresses["finance-lead"] = ["finance.lead@example.com"];
        boundaries.PublicBaseUrl = "https://lowcode.example.com";
        Mail = new MailOptions { Mode = "Capture", From = "LowCode <lowcode@example.com>" };
        Webhooks = new WebhookSender(runtime.Options, runtime.Clock);
        Dispatcher = NewDispatcher();
        Timers = NewPoller();
        Queries = new NotificationQueries(runtime.Database.Contexts);
    }

    public RuntimeHarness Runtime { get; }

    public ProcessRuntime Engine => Runtime.Runtime;

    public LocalWebhookServer Server { get; }

    public MailOptions Mail { get; }

    public WebhookSender Webhooks { get; }

    public OutboxDispatcher Dispatcher { get; }

    public TimerPoller Timers { get; }

    public NotificationQueries Queries { get; }

    public static async Task<BoundaryHarness> CreateAsync(DatabaseProvider provider, bool allowLoopback = true, string? baseUrl = null)
    {
        var runtime = await RuntimeHarness.CreateAsync(provider);
        var server = await LocalWebhookServer.StartAsync();
        return new BoundaryHarness(runtime, server, allowLoopback, baseUrl);
    }

    /// <summary>Another poller over the same database, as a second node would run (its own runtime and caches).</summary>
    public TimerPoller NewPoller() => new(Runtime.Database.Contexts, Runtime.CreateRuntime(), Runtime.Options, Runtime.Clock);

    public OutboxDispatcher NewDispatcher() => new(
        Runtime.Database.Contexts, Runtime.Runtime, Webhooks, new CapturingMailTransport(Runtime.Database.Contexts, Mail, Runtime.Clock), Mail, Runtime.Options, Runtime.Clock);

    /// <summary>Runs the dispatcher until nothing is due (each pass may queue more: a resumed instance calls the next webhook).</summary>
    public async Task<int> DispatchAllAsync()
    {
        var total = 0;
        for (var pass = 0; pass < 10; pass++)
        {
            var settled = await Dispatcher.RunOnceAsync();
            if (settled == 0)
            {
                return total;
            }

            total += settled;
        }

        return total;
    }

    public async Task<List<LowCode.Engine.Storage.Records.OutboxRecord>> OutboxAsync(string instanceId)
    {
        await using var db = await Runtime.Database.Contexts.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().Where(o => o.InstanceId == instanceId).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Webhooks.Dispose();
        await Server.DisposeAsync();
        await Runtime.DisposeAsync();
    }
}
