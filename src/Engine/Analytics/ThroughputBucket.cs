namespace LowCode.Engine.Analytics;

/// <summary>Instances completed in one calendar day or ISO week (Monday first) of the configured time zone.</summary>
/// <param name="Start">The bucket's first day, in the configured time zone.</param>
/// <param name="StartsAt">The instant that day begins there (the bucket is clipped to the window).</param>
/// <param name="Completed">Instances completed in the bucket.</param>
public sealed record ThroughputBucket(DateOnly Start, DateTimeOffset StartsAt, int Completed);
