using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Operations.Erasure;

/// <summary>
/// Erases the ended (completed or cancelled) instances whose process's retention period has passed since they ended.
/// One run erases every such instance; the Api's hosted service runs it on an interval of the injected clock.
/// </summary>
public sealed class RetentionSweep(IDbContextFactory<LowCodeDbContext> contexts, InstanceErasure erasure, RetentionOptions options, TimeProvider clock)
{
    public static Principal Principal { get; } = new("system:retention", []);

    /// <summary>Erases every instance past its retention period now; returns how many it erased.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var erased = 0;
        foreach (var (processKey, period) in options.Periods)
        {
            var cutoff = (clock.GetUtcNow() - period).UtcDateTime;
            var reason = $"Retention period {period} of process '{processKey}' passed.";
            var failed = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                var due = await DueAsync(processKey, cutoff, failed, cancellationToken).ConfigureAwait(false);
                if (due.Count == 0)
                {
                    break;
                }

                foreach (var id in due)
                {
                    var result = await erasure.EraseAsync(id, new OperationRequest(Principal, reason), cancellationToken).ConfigureAwait(false);
                    if (result.Succeeded)
                    {
                        erased++;
                    }
                    else
                    {
                        // Erased by someone else meanwhile, or reopened: not picked up again in this run.
                        failed.Add(id);
                    }
                }
            }
        }

        return erased;
    }

    private async Task<List<string>> DueAsync(string processKey, DateTime cutoff, HashSet<string> skip, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var skipped = skip.ToList();
        return await db.Instances.AsNoTracking()
            .Where(i => i.ProcessKey == processKey
                && (i.Status == InstanceStatuses.Completed || i.Status == InstanceStatuses.Cancelled)
                && i.CompletedAt != null && i.CompletedAt <= cutoff
                && !skipped.Contains(i.Id)
                && !db.Events.Any(e => e.InstanceId == i.Id && e.Type == OperationEventTypes.InstanceErased))
            .OrderBy(i => i.CompletedAt)
            .Select(i => i.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
