using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>
/// Indexes the analytics queries need (docs/analytics.md): completions and starts of one process by time, and a covering
/// index of the event log's skeleton columns by type and instance, so metrics read no event payload but the few they
/// name. The runtime pays one more index entry per event written.
/// </summary>
internal static class AnalyticsIndexes
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InstanceRecord>(e =>
        {
            e.HasIndex(i => new { i.ProcessKey, i.CompletedAt }).HasDatabaseName("IX_instances_ProcessKey_CompletedAt");
            e.HasIndex(i => new { i.ProcessKey, i.StartedAt }).HasDatabaseName("IX_instances_ProcessKey_StartedAt");
        });
        modelBuilder.Entity<EventRecord>(e =>
            e.HasIndex(v => new { v.Type, v.InstanceId, v.OccurredAt, v.StepKey, v.TaskId }).HasDatabaseName("IX_events_Analytics"));
        var facts = new Configurations.AnalyticsFactsConfiguration();
        modelBuilder.ApplyConfiguration<AnalyticsInstanceRecord>(facts);
        modelBuilder.ApplyConfiguration<AnalyticsTaskRecord>(facts);
        modelBuilder.ApplyConfiguration<AnalyticsStepEventRecord>(facts);
        var conformance = new Configurations.ConformanceFactsConfiguration();
        modelBuilder.ApplyConfiguration<AnalyticsRouteRecord>(conformance);
        modelBuilder.ApplyConfiguration<AnalyticsRuleFiringRecord>(conformance);
    }
}
