namespace LowCode.Engine.Analytics;

/// <summary>
/// One path through the process (the steps in the order they finished) taken by instances that completed in the window,
/// with how many took it, their share of the completed instances and the median (nearest rank) cycle time on it.
/// </summary>
public sealed record PathVariant(IReadOnlyList<string> Steps, int Instances, double Share, TimeSpan MedianCycleTime);
