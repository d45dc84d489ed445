using System.Data.Common;
using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Analytics;

public sealed partial class ProcessAnalytics
{
    /// <summary>The process's task visits created before the window's end (the runtime keeps one fact row per task).</summary>
    private const string Tasks = "analytics_tasks t WHERE t.\"ProcessKey\" = @p AND t.\"CreatedAt\" < @to";

    private static async Task<IReadOnlyList<StepMetrics>> StepsAsync(DbConnection connection, AnalyticsWindow window, Dictionary<string, int> rework, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, (int Created, int Completed, int Open)>(StringComparer.Ordinal);

        // A claim or completion after the window's end has not happened yet as the window sees it.
        const string CountSql = $"""
            SELECT t."StepKey",
              SUM(CASE WHEN t."CreatedAt" >= @from THEN 1 ELSE 0 END),
              SUM(CASE WHEN t."CreatedAt" >= @from AND t."CompletedAt" < @to THEN 1 ELSE 0 END),
              SUM(CASE WHEN t."CompletedAt" IS NULL OR t."CompletedAt" >= @to THEN 1 ELSE 0 END)
            FROM {Tasks} GROUP BY t."StepKey"
            """;
        await using (var command = Command(connection, CountSql, window))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[reader.GetString(0)] = (Int(reader, 1), Int(reader, 2), Int(reader, 3));
            }
        }

        var waiting = await RanksAsync(
            connection,
            window,
            "t.\"StepKey\"",
            "t.\"WaitingMs\"",
            $"FROM {Tasks} AND t.\"CreatedAt\" >= @from AND COALESCE(t.\"ClaimedAt\", t.\"CompletedAt\") < @to",
            cancellationToken).ConfigureAwait(false);
        var working = await RanksAsync(
            connection,
            window,
            "t.\"StepKey\"",
            "t.\"WorkingMs\"",
            $"FROM {Tasks} AND t.\"CreatedAt\" >= @from AND t.\"ClaimedAt\" IS NOT NULL AND t.\"CompletedAt\" < @to",
            cancellationToken).ConfigureAwait(false);

        var breaches = new Dictionary<string, int>(StringComparer.Ordinal);
        const string BreachSql = $"""
            SELECT s."StepKey", COUNT(*) FROM analytics_step_events s
            WHERE s."ProcessKey" = @p AND s."Kind" = '{AnalyticsStepEventRecord.SlaBreach}' AND s."OccurredAt" >= @from AND s."OccurredAt" < @to AND s."StepKey" IS NOT NULL
            GROUP BY s."StepKey"
            """;
        await using (var command = Command(connection, BreachSql, window))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                breaches[reader.GetString(0)] = Int(reader, 1);
            }
        }

        var keys = counts.Keys.Concat(breaches.Keys).Concat(rework.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. keys.Select(key =>
        {
            var (created, completed, open) = counts.GetValueOrDefault(key);
            return new StepMetrics(
                key,
                created,
                completed,
                open,
                waiting.GetValueOrDefault(key) ?? DurationStats.Empty,
                working.GetValueOrDefault(key) ?? DurationStats.Empty,
                breaches.GetValueOrDefault(key),
                rework.GetValueOrDefault(key));
        })];
    }

    private static async Task<IReadOnlyList<PathVariant>> VariantsAsync(DbConnection connection, AnalyticsWindow window, int completed, int top, CancellationToken cancellationToken)
    {
        var paths = await RanksAsync(
            connection,
            window,
            "a.\"Path\"",
            "a.\"CycleMs\"",
            "FROM analytics_instances a WHERE a.\"ProcessKey\" = @p AND a.\"CompletedAt\" >= @from AND a.\"CompletedAt\" < @to AND a.\"Path\" <> ''",
            cancellationToken).ConfigureAwait(false);
        return [.. paths
            .OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(p => new PathVariant(p.Key.Split('>'), p.Value.Count, Rate(p.Value.Count, completed), p.Value.P50 ?? TimeSpan.Zero))];
    }
}
