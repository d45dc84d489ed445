using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace LowCode.Engine.Tasks;

/// <summary>
/// A task as callers see it. <see cref="Prefill"/> is the instance data seen through the task's pinned form (what
/// the form opens with); it is filled when a single open task is read.
/// </summary>
public sealed record WorkTask(
    string Id,
    string InstanceId,
    string ProcessKey,
    string StepKey,
    string? StepName,
    string StepType,
    string? FormKey,
    int? FormVersion,
    WorkTaskStatus Status,
    string? AssigneeRole,
    string? AssigneeUser,
    ImmutableArray<string> Outcomes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    string? Outcome,
    JsonObject? Submission,
    string ETag)
{
    public JsonObject? Prefill { get; init; }
}
