using System.Collections.Immutable;

namespace LowCode.Engine.Operations.Erasure;

/// <summary>
/// How long ended instances keep their personal data, per process key; bound from <c>LowCode:Retention</c>
/// (configuration, not process metadata: a retention period is the operator's legal decision, not the designer's, and
/// changing it must not need a new process version). A process without a period keeps its data.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Process key → how long after an instance ended it is erased.</summary>
    public ImmutableDictionary<string, TimeSpan> Periods { get; init; } = ImmutableDictionary<string, TimeSpan>.Empty;

    /// <summary>How often the hosted service looks for instances past their period.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How many instances one query picks up; the sweep repeats until none is left.</summary>
    public int BatchSize { get; init; } = 100;
}
