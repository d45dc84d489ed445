namespace LowCode.Engine.Analytics;

/// <summary>
/// One process over a half-open time window [<paramref name="From"/>, <paramref name="To"/>): the question every metric,
/// conformance check and export answers.
/// </summary>
public sealed record AnalyticsWindow(string ProcessKey, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>A clear message when the window cannot be asked about, else null.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(ProcessKey) ? "Name the process (its key, e.g. expense-approval)."
        : To <= From ? $"The window ends ({To:O}) before or when it starts ({From:O}); give a 'to' after 'from'."
        : To - From > TimeSpan.FromDays(3660) ? "The window is longer than ten years; ask for a shorter one."
        : null;
}
