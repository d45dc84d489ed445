namespace LowCode.Engine.Notifications;

/// <summary>One outbox row as operators see it: what it is, where it goes, and how delivery went.</summary>
public sealed record OutboxEntry(
    string Id,
    string Kind,
    string Status,
    string Target,
    string? InstanceId,
    string? StepKey,
    int Attempts,
    string? LastError,
    int? ResponseStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? FailedAt);
