using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCode.Engine.Storage.Configurations;

/// <summary>
/// The conformance fact tables (docs/analytics.md): route decisions and rule firings by process and the instance's start,
/// so conformance reads a window's cohort from narrow rows and never parses the event log's payloads.
/// </summary>
internal sealed class ConformanceFactsConfiguration :
    IEntityTypeConfiguration<AnalyticsRouteRecord>,
    IEntityTypeConfiguration<AnalyticsRuleFiringRecord>
{
    // Step keys, rule names and rule-set keys are unbounded here: a write that failed on a length would fail the event.
    public void Configure(EntityTypeBuilder<AnalyticsRouteRecord> builder)
    {
        builder.ToTable("analytics_routes");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(1);
        builder.Property(r => r.InstanceId).HasMaxLength(40);
        builder.Property(r => r.ProcessKey).HasMaxLength(64);
        builder.HasIndex(r => new { r.ProcessKey, r.Kind, r.InstanceStartedAt });
        builder.HasIndex(r => new { r.ProcessKey, r.RuleSetKey, r.RuleSetVersion });
    }

    public void Configure(EntityTypeBuilder<AnalyticsRuleFiringRecord> builder)
    {
        builder.ToTable("analytics_rule_firings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.InstanceId).HasMaxLength(40);
        builder.Property(f => f.ProcessKey).HasMaxLength(64);
        builder.HasIndex(f => new { f.ProcessKey, f.InstanceStartedAt });
    }
}
