namespace LowCode.Engine.Analytics;

/// <summary>
/// What one process did in a window (docs/analytics.md defines each figure). Started, the SLA breach rate, the
/// exception rates and rework are over the instances started in the window; completed, the cycle time, throughput and
/// path variants over those completed in it; work in progress is the instances still running at the window's end.
/// </summary>
public sealed record ProcessMetrics(
    AnalyticsWindow Window,
    string TimeZone,
    int Started,
    int Completed,
    int WorkInProgress,
    DurationStats CycleTime,
    IReadOnlyList<ThroughputBucket> ThroughputPerDay,
    IReadOnlyList<ThroughputBucket> ThroughputPerWeek,
    int SlaBreachedInstances,
    double SlaBreachRate,
    IReadOnlyList<ExceptionRate> Exceptions,
    int ReworkInstances,
    IReadOnlyList<StepMetrics> Steps,
    IReadOnlyList<PathVariant> Variants);
