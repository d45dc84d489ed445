using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCode.Engine.Storage.Configurations;

/// <summary>The <c>external_links</c> table: one row per issued link token, keyed by the token's hash.</summary>
internal sealed class ExternalLinkConfiguration : IEntityTypeConfiguration<ExternalLinkRecord>
{
    public void Configure(EntityTypeBuilder<ExternalLinkRecord> builder)
    {
        builder.ToTable("external_links");
        builder.HasKey(l => l.TokenHash);
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.TaskId).HasMaxLength(40);
        builder.Property(l => l.InstanceId).HasMaxLength(40);
        builder.Property(l => l.StepKey).HasMaxLength(64);
        builder.Property(l => l.Email).HasMaxLength(320);
        builder.HasIndex(l => new { l.InstanceId, l.StepKey });
        builder.HasIndex(l => l.TaskId);
    }
}
