using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCode.Engine.Storage.Records;

/// <summary>
/// A single-purpose token that lets an outside system send one signal to one instance without an account (the resume
/// URL a webhook body offers). Only its hash is stored; it is spent by its first use.
/// </summary>
[EntityTypeConfiguration(typeof(SignalTokenRecordConfiguration))]
public sealed class SignalTokenRecord
{
    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }

    public required string InstanceId { get; set; }

    public required string Signal { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}

internal sealed class SignalTokenRecordConfiguration : IEntityTypeConfiguration<SignalTokenRecord>
{
    public void Configure(EntityTypeBuilder<SignalTokenRecord> builder)
    {
        builder.ToTable("signal_tokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.InstanceId);
    }
}
