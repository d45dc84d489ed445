using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCode.Engine.Storage.Configurations;

/// <summary>
/// The analytics fact tables the runtime maintains as it appends events (docs/analytics.md): indexed by process and the
/// instant each metric filters on, so a metric reads only its own process's rows and never the event log.
/// </summary>
internal sealed class AnalyticsFactsConfiguration :
    IEntityTypeConfiguration<AnalyticsInstanceRecord>,
    IEntityTypeConfiguration<AnalyticsTaskRecord>,
    IEntityTypeConfiguration<AnalyticsStepEventRecord>
{
    public void Configure(EntityTypeBuilder<AnalyticsInstanceRecord> builder)
    {
        builder.ToTable("analytics_instances");
        builder.HasKey(a => a.InstanceId);
        builder.Property(a => a.InstanceId).HasMaxLength(40);
        builder.Property(a => a.ProcessKey).HasMaxLength(64);
        builder.HasIndex(a => new { a.ProcessKey, a.StartedAt, a.FirstSlaBreachAt });

        // Covering, in the order the nearest-rank pass reads cycle times; and the completions of a window (path variants).
        builder.HasIndex(a => new { a.ProcessKey, a.CycleMs, a.CompletedAt });
        builder.HasIndex(a => new { a.ProcessKey, a.CompletedAt });
    }

    public void Configure(EntityTypeBuilder<AnalyticsTaskRecord> builder)
    {
        builder.ToTable("analytics_tasks");
        builder.HasKey(t => t.TaskId);
        builder.Property(t => t.TaskId).HasMaxLength(40);
        builder.Property(t => t.InstanceId).HasMaxLength(40);
        builder.Property(t => t.ProcessKey).HasMaxLength(64);
        builder.Property(t => t.StepKey).HasMaxLength(64);
        // Covering, in the order the nearest-rank pass reads: waiting and working times per step.
        builder.HasIndex(t => new { t.ProcessKey, t.StepKey, t.WaitingMs, t.CreatedAt, t.ClaimedAt, t.CompletedAt });
        builder.HasIndex(t => new { t.ProcessKey, t.StepKey, t.WorkingMs, t.CreatedAt, t.ClaimedAt, t.CompletedAt });
    }

    public void Configure(EntityTypeBuilder<AnalyticsStepEventRecord> builder)
    {
        builder.ToTable("analytics_step_events");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasMaxLength(1);
        builder.Property(s => s.InstanceId).HasMaxLength(40);
        builder.Property(s => s.ProcessKey).HasMaxLength(64);
        builder.Property(s => s.StepKey).HasMaxLength(64);
        builder.HasIndex(s => new { s.ProcessKey, s.Kind, s.InstanceStartedAt });
        builder.HasIndex(s => new { s.ProcessKey, s.Kind, s.OccurredAt });
    }
}
