namespace LowCode.Engine.Analytics;

/// <summary>
/// Durations of <paramref name="Count"/> items: percentiles by nearest rank (the value at 1-based rank ⌈p/100 · n⌉ of
/// the durations in ascending order, so always a measured value) and the maximum; null when there are none.
/// </summary>
public sealed record DurationStats(int Count, TimeSpan? P50, TimeSpan? P90, TimeSpan? Max)
{
    public static DurationStats Empty { get; } = new(0, null, null, null);
}
