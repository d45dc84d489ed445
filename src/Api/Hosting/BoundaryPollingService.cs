using LowCode.Engine.Outbox;
using LowCode.Engine.Processes;
using LowCode.Engine.Timers;

namespace LowCode.Api.Hosting;

/// <summary>
/// Runs the timer poller and the outbox dispatcher on every node, every <c>LowCode:Timers:PollInterval</c> (waits on the
/// injected clock). Several nodes polling one database is safe: rows are claimed with leases.
/// </summary>
internal sealed class BoundaryPollingService(TimerPoller timers, OutboxDispatcher outbox, RuntimeOptions options, TimeProvider clock, ILogger<BoundaryPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await timers.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                await outbox.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database that is briefly away must not stop the poller; the next pass tries again.
                logger.LogError(ex, "Polling timers and the outbox failed; retrying in {Interval}", options.Boundaries.PollInterval);
            }

            try
            {
                await Task.Delay(options.Boundaries.PollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
