using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace LowCode.Engine.Outbox;

/// <summary>
/// Something a step wants delivered once it commits. Build one with <see cref="Webhook"/>, <see cref="Email"/> or
/// <see cref="Notification"/> and hand it to <see cref="Outbox.Enqueue"/> inside the step's transaction.
/// </summary>
public sealed record OutboxMessage
{
    public required string Kind { get; init; }

    /// <summary>Webhook: the connection name. E-mail: the address. Notification: the user id (or null for a role).</summary>
    public string? Target { get; init; }

    /// <summary>Notification: the role whose members see it.</summary>
    public string? Role { get; init; }

    /// <summary>E-mail and notification: the subject line.</summary>
    public string? Subject { get; init; }

    /// <summary>E-mail and notification: the text.</summary>
    public string? Text { get; init; }

    /// <summary>Webhook: the JSON body.</summary>
    public JsonNode? Json { get; init; }

    public string? Method { get; init; }

    public string? Path { get; init; }

    public ImmutableDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string? InstanceId { get; init; }

    public string? StepKey { get; init; }

    public string? TaskId { get; init; }

    /// <summary>The rule that asked for it (notifications show it).</summary>
    public string? Rule { get; init; }

    /// <summary>Webhook: the waiting step resumes on the answer.</summary>
    public bool ResumesStep { get; init; }

    /// <summary>Retries after the first attempt (webhook default 3; e-mail default 5).</summary>
    public int? Retries { get; init; }

    /// <summary>Webhook: per-attempt timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Overrides the generated idempotency key (the outbox row id).</summary>
    public string? IdempotencyKey { get; init; }

    public static OutboxMessage Email(string to, string subject, string text, string? instanceId = null, string? stepKey = null, string? taskId = null) =>
        new() { Kind = OutboxKinds.Email, Target = to, Subject = subject, Text = text, InstanceId = instanceId, StepKey = stepKey, TaskId = taskId };

    public static OutboxMessage Notification(string? user, string? role, string? subject, string text, string? instanceId = null, string? stepKey = null, string? rule = null) =>
        new() { Kind = OutboxKinds.Notification, Target = user, Role = role, Subject = subject, Text = text, InstanceId = instanceId, StepKey = stepKey, Rule = rule };

    public static OutboxMessage Webhook(string connection, string method, string? path, JsonNode? body, string? instanceId = null, string? stepKey = null, bool resumesStep = false) =>
        new() { Kind = OutboxKinds.Webhook, Target = connection, Method = method, Path = path, Json = body, InstanceId = instanceId, StepKey = stepKey, ResumesStep = resumesStep };
}
