using System.Text.Json.Nodes;

namespace LowCode.Engine.Events;

/// <summary>One entry of an instance's timeline, as read back from the event log.</summary>
public sealed record InstanceEvent(
    long Sequence,
    string Type,
    DateTimeOffset OccurredAt,
    string? Actor,
    string? StepKey,
    string? TaskId,
    JsonObject Payload);
