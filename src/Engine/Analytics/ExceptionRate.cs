namespace LowCode.Engine.Analytics;

/// <summary>
/// One exception code among the instances started in the window: how often it was raised, on how many instances,
/// and that count over the instances started.
/// </summary>
public sealed record ExceptionRate(string Code, int Raised, int Instances, double Rate);
