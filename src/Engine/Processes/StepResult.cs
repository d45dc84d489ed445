using System.Collections.Immutable;
using System.Text.Json.Serialization;
using LowCode.Engine.Tasks;

namespace LowCode.Engine.Processes;

/// <summary>
/// What one step's transaction did: the instance, the task it completed (if any), the tasks it created and where
/// the instance waits now. A call repeated with the same idempotency key gets the first call's result back, with
/// <see cref="Replayed"/> set.
/// </summary>
/// <param name="InstanceId">The instance the step moved.</param>
/// <param name="CompletedTaskId">The task it completed, if any.</param>
/// <param name="InstanceStatus">The instance's status after the step.</param>
/// <param name="CreatedTaskIds">The tasks the step created.</param>
/// <param name="Positions">The steps the instance waits at now.</param>
/// <param name="Replayed">True when this is the stored result of an earlier call with the same idempotency key.</param>
/// <param name="CreatedTasks">
/// The created tasks as the step left them, so a caller showing them reads nothing again; default on a replayed
/// result (the idempotency record keeps the ids only: read the tasks by id then, as they may have moved on).
/// </param>
public sealed record StepResult(
    string InstanceId,
    string? CompletedTaskId,
    string InstanceStatus,
    ImmutableArray<string> CreatedTaskIds,
    ImmutableArray<string> Positions,
    bool Replayed = false,
    [property: JsonIgnore] ImmutableArray<WorkTask> CreatedTasks = default);
