using LowCode.Engine.Outbox;
using LowCode.Engine.Processes;
using LowCode.Engine.Timers;

namespace LowCode.Api.Hosting;

/// <summary>
/// Runs the timer poller and the outbox dispatcher on every node: again at once while they find due rows, otherwise
/// every <c>LowCode:Timers:PollInterval</c> (waits on the injected clock). Several nodes polling one database is safe:
/// rows are claimed with leases.
/// </summary>
internal sealed class BoundaryPollingService(TimerPoller timers, OutboxDispatcher outbox, RuntimeOptions options, TimeProvider clock, ILogger<BoundaryPollingService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PollingLoop.RunAsync(
        async ct => await timers.RunOnceAsync(ct).ConfigureAwait(false) + await outbox.RunOnceAsync(ct).ConfigureAwait(false),
        ct => Task.Delay(options.Boundaries.PollInterval, clock, ct),
        ex => logger.LogError(ex, "Polling timers and the outbox failed; retrying in {Interval}", options.Boundaries.PollInterval),
        stoppingToken);
}
