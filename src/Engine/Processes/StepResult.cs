using System.Collections.Immutable;

namespace LowCode.Engine.Processes;

/// <summary>
/// What one step's transaction did: the instance, the task it completed (if any), the tasks it created and where
/// the instance waits now. A call repeated with the same idempotency key gets the first call's result back, with
/// <see cref="Replayed"/> set.
/// </summary>
public sealed record StepResult(
    string InstanceId,
    string? CompletedTaskId,
    string InstanceStatus,
    ImmutableArray<string> CreatedTaskIds,
    ImmutableArray<string> Positions,
    bool Replayed = false);
