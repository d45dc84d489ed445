namespace LowCode.Engine.Operations.DryRun;

/// <summary>
/// What to replay: the routing decisions of one process in a window (the last <see cref="Last"/> decisions, or those
/// made from <see cref="From"/> up to <see cref="To"/>), against a candidate rule set: its draft when
/// <see cref="RuleSetVersion"/> is null, else that published or retired version; or, when <see cref="RuleSetJson"/> is
/// given, that unsaved text (so a change can be tried before it is even saved as a draft).
/// </summary>
public sealed record DryRunRequest(
    string ProcessKey,
    string RuleSetKey,
    int? RuleSetVersion = null,
    int? Last = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int MaxExamples = DryRunRequest.DefaultMaxExamples,
    string? RuleSetJson = null)
{
    public const int DefaultMaxExamples = 20;

    /// <summary>The window when none is given: the most recent decisions.</summary>
    public const int DefaultLast = 1000;
}
