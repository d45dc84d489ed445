using LowCode.Engine.Events;
using LowCode.Engine.Operations;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Analytics.Facts;

/// <summary>
/// Keeps the analytics fact tables in step with the event log: called for every event appended, it adds or updates the
/// facts that event implies in the same context, so they commit in the same transaction as the event or not at all.
/// Metrics then read these narrow rows instead of grouping the log. A task's and an instance's fact row is found in the
/// change tracker first and read by key otherwise (one primary-key read per claim, completion and finished step).
/// </summary>
internal static class AnalyticsFacts
{
    public static void Record(LowCodeDbContext db, EventRecord e, InstanceRecord instance, string? code)
    {
        switch (e.Type)
        {
            case EventTypes.InstanceStarted:
                db.Add(new AnalyticsInstanceRecord { InstanceId = instance.Id, ProcessKey = instance.ProcessKey, StartedAt = instance.StartedAt });
                break;
            case EventTypes.TaskCreated when e.TaskId is not null && e.StepKey is not null:
                db.Add(new AnalyticsTaskRecord
                {
                    TaskId = e.TaskId,
                    InstanceId = instance.Id,
                    ProcessKey = instance.ProcessKey,
                    StepKey = e.StepKey,
                    CreatedAt = e.OccurredAt,
                });
                break;
            case EventTypes.TaskClaimed when e.TaskId is not null:
                if (db.Set<AnalyticsTaskRecord>().Find(e.TaskId) is { ClaimedAt: null, CompletedAt: null } claimed)
                {
                    claimed.ClaimedAt = e.OccurredAt;
                    claimed.WaitingMs = Millis(claimed.CreatedAt, e.OccurredAt);
                }

                break;
            case EventTypes.TaskCompleted when e.TaskId is not null:
                if (db.Set<AnalyticsTaskRecord>().Find(e.TaskId) is { CompletedAt: null } done)
                {
                    done.CompletedAt = e.OccurredAt;
                    if (done.ClaimedAt is { } claimedAt)
                    {
                        done.WorkingMs = Millis(claimedAt, e.OccurredAt);
                    }
                    else
                    {
                        done.WaitingMs = Millis(done.CreatedAt, e.OccurredAt);
                    }
                }

                break;
            case EventTypes.RouteDecided or EventTypes.ParallelSplit or EventTypes.InstanceCompleted when e.StepKey is not null:
                if (e.Type is EventTypes.RouteDecided or EventTypes.ParallelSplit)
                {
                    ConformanceFacts.Record(db, e, instance, e.StepKey);
                }

                if (Summary(db, instance) is { } finished)
                {
                    Ended(finished, instance);
                    if (Visits(finished.Path, e.StepKey) > 0)
                    {
                        db.Add(StepEvent(AnalyticsStepEventRecord.Rework, e, finished, null));
                    }

                    finished.Path = finished.Path.Length == 0 ? e.StepKey : finished.Path + ">" + e.StepKey;
                }

                break;
            case OperationEventTypes.InstanceCancelled:
                if (Summary(db, instance) is { } cancelled)
                {
                    Ended(cancelled, instance);
                }

                break;
            case EventTypes.SlaBreached:
                if (Summary(db, instance) is { } breached)
                {
                    breached.FirstSlaBreachAt ??= e.OccurredAt;
                    db.Add(StepEvent(AnalyticsStepEventRecord.SlaBreach, e, breached, null));
                }

                break;
            case EventTypes.ExceptionRaised when code is not null:
                if (Summary(db, instance) is { } raised)
                {
                    db.Add(StepEvent(AnalyticsStepEventRecord.Exception, e, raised, code));
                }

                break;
        }
    }

    /// <summary>
    /// Whole milliseconds between two instants each rounded to the millisecond, as the database computes durations
    /// (docs/analytics.md), so facts and the backfill's SQL agree.
    /// </summary>
    public static long Millis(DateTime from, DateTime to) => RoundedMillis(to) - RoundedMillis(from);

    private static long RoundedMillis(DateTime at) => (at.Ticks + (TimeSpan.TicksPerMillisecond / 2)) / TimeSpan.TicksPerMillisecond;

    /// <summary>The instance row sets its completion before the event that reports it is appended.</summary>
    private static void Ended(AnalyticsInstanceRecord summary, InstanceRecord instance)
    {
        if (instance.CompletedAt is { } completedAt && summary.CompletedAt != completedAt)
        {
            summary.CompletedAt = completedAt;
            summary.CycleMs = Millis(summary.StartedAt, completedAt);
        }
    }

    /// <summary>An instance started before the fact tables existed gets its summary from the migration's backfill.</summary>
    private static AnalyticsInstanceRecord? Summary(LowCodeDbContext db, InstanceRecord instance) =>
        db.Set<AnalyticsInstanceRecord>().Find(instance.Id);

    private static int Visits(string path, string step)
    {
        var count = 0;
        foreach (var range in path.AsSpan().Split('>'))
        {
            if (path.AsSpan(range).SequenceEqual(step))
            {
                count++;
            }
        }

        return path.Length == 0 ? 0 : count;
    }

    private static AnalyticsStepEventRecord StepEvent(string kind, EventRecord e, AnalyticsInstanceRecord summary, string? code) => new()
    {
        Kind = kind,
        InstanceId = summary.InstanceId,
        ProcessKey = summary.ProcessKey,
        InstanceStartedAt = summary.StartedAt,
        StepKey = e.StepKey,
        OccurredAt = e.OccurredAt,
        Code = code,
    };
}
