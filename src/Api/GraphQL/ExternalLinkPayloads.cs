using System.Collections.Immutable;
using LowCode.Engine.Forms;
using LowCode.Engine.Processes;

namespace LowCode.Api.GraphQL;

/// <summary>What the LinkedTaskPayload type reads.</summary>
internal sealed record LinkedTaskPayload(LinkedTask? Linked, RuntimeError? Error)
{
    public ImmutableArray<RuntimeProblem> Problems => Error?.Problems ?? [];
}

/// <summary>What the LinkFormEvaluationPayload type reads.</summary>
internal sealed record LinkFormEvaluationPayload(FormEvaluation? Evaluation, RuntimeError? Error)
{
    public ImmutableArray<RuntimeProblem> Problems => Error?.Problems ?? [];
}

/// <summary>What the LinkCompletionPayload type reads: deliberately no instance.</summary>
internal sealed record LinkCompletionPayload(string? CompletedTaskId, bool Replayed, RuntimeError? Error)
{
    public ImmutableArray<RuntimeProblem> Problems => Error?.Problems ?? [];
}

/// <summary>What the ResendLinkPayload type reads.</summary>
internal sealed record ResendLinkPayload(string? TaskId, string? Email, DateTimeOffset? ExpiresAt, RuntimeError? Error)
{
    public ImmutableArray<RuntimeProblem> Problems => Error?.Problems ?? [];
}
