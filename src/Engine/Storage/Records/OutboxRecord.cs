using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCode.Engine.Storage.Records;

/// <summary>
/// A message waiting to leave (a webhook call or an e-mail), written in the transaction of the step that wants it sent,
/// so it leaves if and only if the step committed. The dispatcher claims rows with a lease, sends, and records the
/// outcome here: nothing is lost silently, a failure stays visible with its last error.
/// </summary>
[EntityTypeConfiguration(typeof(OutboxRecordConfiguration))]
public sealed class OutboxRecord
{
    public required string Id { get; set; }

    /// <summary><c>webhook</c> or <c>email</c> (see <c>OutboxKinds</c>).</summary>
    public required string Kind { get; set; }

    /// <summary><c>pending</c>, <c>sent</c> or <c>failed</c> (see <c>OutboxStatuses</c>).</summary>
    public required string Status { get; set; }

    public string? InstanceId { get; set; }

    public string? StepKey { get; set; }

    public string? TaskId { get; set; }

    /// <summary>Webhook: the named connection (configuration gives its base URL and secret). E-mail: the address.</summary>
    public required string Target { get; set; }

    /// <summary>Webhook: the HTTP method. E-mail: null.</summary>
    public string? Method { get; set; }

    /// <summary>Webhook: the path under the connection's base URL. E-mail: the subject.</summary>
    public string? Path { get; set; }

    /// <summary>Webhook: extra headers as a JSON object. E-mail: null.</summary>
    public string? Headers { get; set; }

    /// <summary>Webhook: the JSON body. E-mail: the plain-text body.</summary>
    public required string Body { get; set; }

    /// <summary>Sent as the <c>Idempotency-Key</c> header, the same on every attempt so the receiver can drop repeats.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>Webhook: true when a waiting webhook step resumes on the answer (false for a rule's callWebhook).</summary>
    public bool ResumesStep { get; set; }

    /// <summary>Retries after the first attempt.</summary>
    public int Retries { get; set; }

    /// <summary>Per-attempt timeout in seconds (webhooks).</summary>
    public int TimeoutSeconds { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public string? LastError { get; set; }

    /// <summary>Webhook: the HTTP status of the last answer.</summary>
    public int? ResponseStatus { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime? FailedAt { get; set; }
}

internal sealed class OutboxRecordConfiguration : IEntityTypeConfiguration<OutboxRecord>
{
    public void Configure(EntityTypeBuilder<OutboxRecord> builder)
    {
        builder.ToTable("outbox");
        builder.HasIndex(o => new { o.Status, o.NextAttemptAt });
        builder.HasIndex(o => o.InstanceId);
        builder.Property(o => o.Kind).HasMaxLength(16);
        builder.Property(o => o.Status).HasMaxLength(16);
    }
}
