using LowCode.Engine.Operations.Erasure;

namespace LowCode.Api.Hosting;

/// <summary>
/// Erases ended instances past their process's retention period (<see cref="RetentionSweep"/>), once at start and then
/// every <see cref="RetentionOptions.Interval"/> of the injected clock. Does nothing when no process has a period.
/// </summary>
internal sealed partial class RetentionHostedService(RetentionSweep sweep, RetentionOptions options, TimeProvider clock, ILogger<RetentionHostedService> logger) : BackgroundService
{
    /// <summary>One sweep; a failure is logged and the next interval tries again.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var erased = await sweep.RunOnceAsync(cancellationToken).ConfigureAwait(false);
            if (erased > 0)
            {
                LogErased(erased);
            }

            return erased;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
            return 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Periods.IsEmpty)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: erased the personal data of {Count} ended instances past their process's period.")]
    private partial void LogErased(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: the sweep failed; it runs again at the next interval.")]
    private partial void LogFailed(Exception exception);
}
