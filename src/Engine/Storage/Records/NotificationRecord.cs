using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCode.Engine.Storage.Records;

/// <summary>
/// An in-app notification: every notification lands here (besides its e-mail), for one user or for every member of a
/// role, written in the transaction of the step that raised it.
/// </summary>
[EntityTypeConfiguration(typeof(NotificationRecordConfiguration))]
public sealed class NotificationRecord
{
    public required string Id { get; set; }

    /// <summary>The user it is for (an id, i.e. an e-mail address), or null when it is for a role.</summary>
    public string? RecipientUser { get; set; }

    /// <summary>The role (group) it is for, or null when it is for one user.</summary>
    public string? RecipientRole { get; set; }

    public string? Subject { get; set; }

    public required string Message { get; set; }

    public string? InstanceId { get; set; }

    public string? StepKey { get; set; }

    /// <summary>The rule that asked for it, when a rule did.</summary>
    public string? Rule { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class NotificationRecordConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> builder)
    {
        builder.ToTable("notifications");
        builder.HasIndex(n => new { n.RecipientUser, n.CreatedAt });
        builder.HasIndex(n => new { n.RecipientRole, n.CreatedAt });
        builder.Property(n => n.RecipientUser).HasMaxLength(200);
        builder.Property(n => n.RecipientRole).HasMaxLength(200);
    }
}
