using System.Text.Json;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Outbox;

/// <summary>
/// Puts a message in the outbox of the caller's context, so it commits with the step that wants it (and is never sent
/// when that step rolls back). the outbox dispatcher delivers webhooks and e-mails after commit; a
/// notification is an in-app row at once.
/// </summary>
public static class Outbox
{
    public const int DefaultWebhookRetries = 3;
    public const int DefaultEmailRetries = 5;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Adds <paramref name="message"/> to <paramref name="db"/>; returns the outbox (or notification) row id.</summary>
    public static string Enqueue(LowCodeDbContext db, OutboxMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        var id = Guid.CreateVersion7().ToString("N");
        switch (message.Kind)
        {
            case OutboxKinds.Notification:
                if (message.Target is null && message.Role is null)
                {
                    throw new ArgumentException("A notification needs a user (Target) or a role.", nameof(message));
                }

                db.Notifications.Add(new NotificationRecord
                {
                    Id = id,
                    RecipientUser = message.Target,
                    RecipientRole = message.Target is null ? message.Role : null,
                    Subject = message.Subject,
                    Message = message.Text ?? string.Empty,
                    InstanceId = message.InstanceId,
                    StepKey = message.StepKey,
                    Rule = message.Rule,
                    CreatedAt = now.UtcDateTime,
                });
                return id;
            case OutboxKinds.Email:
            case OutboxKinds.Webhook:
                if (string.IsNullOrWhiteSpace(message.Target))
                {
                    throw new ArgumentException(message.Kind == OutboxKinds.Email ? "An e-mail needs an address (Target)." : "A webhook needs a connection name (Target).", nameof(message));
                }

                var email = message.Kind == OutboxKinds.Email;
                db.Outbox.Add(new OutboxRecord
                {
                    Id = id,
                    Kind = message.Kind,
                    Status = OutboxStatuses.Pending,
                    InstanceId = message.InstanceId,
                    StepKey = message.StepKey,
                    TaskId = message.TaskId,
                    Target = message.Target,
                    Method = email ? null : message.Method ?? "POST",
                    Path = email ? message.Subject ?? string.Empty : message.Path,
                    Headers = email || message.Headers.IsEmpty ? null : JsonSerializer.Serialize(message.Headers),
                    Body = email ? message.Text ?? string.Empty : message.Json?.ToJsonString() ?? "null",
                    IdempotencyKey = message.IdempotencyKey ?? id,
                    ResumesStep = message.ResumesStep,
                    Retries = message.Retries ?? (email ? DefaultEmailRetries : DefaultWebhookRetries),
                    TimeoutSeconds = (int)Math.Ceiling((message.Timeout ?? DefaultTimeout).TotalSeconds),
                    NextAttemptAt = now.UtcDateTime,
                    CreatedAt = now.UtcDateTime,
                });
                return id;
            default:
                throw new ArgumentException($"Unknown outbox message kind '{message.Kind}'; use one of {OutboxKinds.Webhook}, {OutboxKinds.Email}, {OutboxKinds.Notification}.", nameof(message));
        }
    }
}
