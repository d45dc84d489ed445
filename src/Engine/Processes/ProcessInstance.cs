using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LowCode.Engine.Tasks;

namespace LowCode.Engine.Processes;

/// <summary>An instance as callers see it: pinned versions, data, where it waits, its open tasks and exceptions.</summary>
public sealed record ProcessInstance(
    string Id,
    string ProcessKey,
    int ProcessVersion,
    string? BusinessKey,
    string Status,
    JsonObject Data,
    ImmutableDictionary<string, int> PinnedForms,
    ImmutableArray<string> Positions,
    ImmutableArray<ExceptionEntry> Exceptions,
    ImmutableArray<WorkTask> OpenTasks,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? DueAt);
