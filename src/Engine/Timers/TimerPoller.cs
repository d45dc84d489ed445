using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowCode.Engine.Timers;

/// <summary>
/// Fires due timers (SLAs and timer steps). Any number of pollers, on any number of nodes, may run against one
/// database: a poll claims due rows with a lease, and <see cref="ProcessRuntime.FireTimerAsync"/> marks a timer fired in
/// the same transaction as its effect, so each timer fires exactly once. Timers are rows, so they survive restarts.
/// </summary>
public sealed class TimerPoller(
    IDbContextFactory<LowCodeDbContext> contexts,
    ProcessRuntime runtime,
    RuntimeOptions options,
    TimeProvider clock,
    ILogger<TimerPoller>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<TimerPoller>.Instance;

    /// <summary>This poller's name on the leases it takes.</summary>
    public string Owner { get; } = $"timers-{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>Claims what is due now and fires it; returns how many timers this call fired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var boundaries = options.Boundaries;
        IReadOnlyList<string> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            ids = await LeaseClaims.ClaimAsync(db, "timers", "DueAt", "\"FiredAt\" IS NULL", Owner, now, now + boundaries.LeaseDuration, boundaries.BatchSize, cancellationToken).ConfigureAwait(false);
        }

        var fired = 0;
        foreach (var id in ids)
        {
            try
            {
                if (await runtime.FireTimerAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    fired++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left unfired: its lease runs out and a later poll tries again.
                _logger.LogError(ex, "Timer {Id} could not fire", id);
            }
        }

        return fired;
    }
}
