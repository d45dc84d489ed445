namespace LowCode.Engine.Processes;

/// <summary>
/// Test-only seams of the step transaction. Production registers the defaults (no pause, one commit per step).
/// </summary>
public sealed class RuntimeHooks
{
    /// <summary>
    /// Awaited when a start or a completion has read and decided everything, before its writes commit (on PostgreSQL
    /// inside its transaction; on SQLite before they go to the node's writer).
    /// </summary>
    public Func<string, CancellationToken, Task>? BeforeCommitAsync { get; set; }

    /// <summary>
    /// Awaited when a step with an idempotency key starts without an earlier result for it (the first attempt looks for
    /// none), before the step reads anything: a test holds a repeated call here while the first call commits.
    /// </summary>
    public Func<string, CancellationToken, Task>? AfterReplayLookupAsync { get; set; }

    /// <summary>
    /// A deliberate fault for the crash-safety harness: commits a completion in two transactions (the task first,
    /// the routing after), so a crash between them leaves a half-moved instance the harness must catch.
    /// </summary>
    public bool SplitStepCommit { get; set; }
}
