using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCode.Engine.Storage.Configurations;

/// <summary>The <c>dry_runs</c> table: one row per recorded dry run of a stored rule set candidate.</summary>
internal sealed class DryRunConfiguration : IEntityTypeConfiguration<DryRunRecord>
{
    public void Configure(EntityTypeBuilder<DryRunRecord> builder)
    {
        builder.ToTable("dry_runs");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(40);
        builder.Property(d => d.RuleSetKey).HasMaxLength(64);
        builder.Property(d => d.ProcessKey).HasMaxLength(64);
        builder.Property(d => d.CandidateETag).HasMaxLength(40);
        builder.Property(d => d.RunBy).HasMaxLength(320);
        builder.Property(d => d.PublishedBy).HasMaxLength(320);
        builder.HasIndex(d => new { d.RuleSetKey, d.PublishedVersion });
    }
}
