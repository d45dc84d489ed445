namespace LowCode.Engine.Storage.Records;

/// <summary>
/// A rare step event analytics counts, narrowed to what it reads: a step finishing again (rework), an SLA breach, or an
/// exception with its code. The instance's start is copied in so the cohort of a window needs no join.
/// </summary>
public sealed class AnalyticsStepEventRecord
{
    /// <summary><see cref="Rework"/>, <see cref="SlaBreach"/> or <see cref="Exception"/>.</summary>
    public const string Rework = "r";

    public const string SlaBreach = "s";

    public const string Exception = "x";

    public long Id { get; set; }

    public required string Kind { get; set; }

    public required string InstanceId { get; set; }

    public required string ProcessKey { get; set; }

    public DateTime InstanceStartedAt { get; set; }

    public string? StepKey { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>The exception's code (exceptions only).</summary>
    public string? Code { get; set; }
}
