using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCode.Engine.Storage.Records;

/// <summary>
/// An e-mail the development mail sink captured instead of sending (<c>LowCode:Mail:Mode</c> = <c>Capture</c>), so a
/// developer sees what would have gone out without an SMTP server; stored in the database so every node lists them.
/// </summary>
[EntityTypeConfiguration(typeof(CapturedMailRecordConfiguration))]
public sealed class CapturedMailRecord
{
    public long Id { get; set; }

    public required string OutboxId { get; set; }

    public required string From { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTime CapturedAt { get; set; }
}

internal sealed class CapturedMailRecordConfiguration : IEntityTypeConfiguration<CapturedMailRecord>
{
    public void Configure(EntityTypeBuilder<CapturedMailRecord> builder)
    {
        builder.ToTable("captured_mails");
        builder.HasIndex(m => m.CapturedAt);
        builder.HasIndex(m => m.OutboxId).IsUnique();
    }
}
