using System.Collections.Immutable;
using LowCode.Engine.Processes;
using LowCode.Engine.Tasks;

namespace LowCode.Api.GraphQL;

/// <summary>What the StepPayload type reads: the step's result, or why nothing changed.</summary>
internal sealed record StepPayload(StepResult? Result, RuntimeError? Error)
{
    public ImmutableArray<RuntimeProblem> Problems => Error?.Problems ?? [];

    public static StepPayload From(RuntimeResult<StepResult> result) => new(result.Value, result.Error);
}

/// <summary>What the TaskPayload type reads: the task after the change, or why nothing changed.</summary>
internal sealed record TaskPayload(WorkTask? Task, RuntimeError? Error)
{
    public ImmutableArray<RuntimeProblem> Problems => Error?.Problems ?? [];

    public static TaskPayload From(RuntimeResult<WorkTask> result) => new(result.Value, result.Error);
}
