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

        // One grouping for both: 'w' + step for waiting, 'k' + step for working.
        var durationSql = Percentiles($"""
            SELECT 'w' || t."StepKey" AS grp, t."WaitingMs" AS ms FROM {Tasks} AND t."CreatedAt" >= @from AND COALESCE(t."ClaimedAt", t."CompletedAt") < @to
            UNION ALL
            SELECT 'k' || t."StepKey" AS grp, t."WorkingMs" AS ms FROM {Tasks} AND t."CreatedAt" >= @from AND t."ClaimedAt" IS NOT NULL AND t."CompletedAt" < @to
            """);
        var durations = new Dictionary<string, DurationStats>(StringComparer.Ordinal);
        await using (var command = Command(connection, durationSql, window))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                durations[reader.GetString(0)] = ReadStats(reader, 1);
            }
        }

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
                durations.GetValueOrDefault("w" + key) ?? DurationStats.Empty,
                durations.GetValueOrDefault("k" + key) ?? DurationStats.Empty,
                breaches.GetValueOrDefault(key),
                rework.GetValueOrDefault(key));
        })];
    }

    private async Task<IReadOnlyList<PathVariant>> VariantsAsync(DbConnection connection, AnalyticsWindow window, int completed, int top, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH v AS (
              SELECT a."Path" AS path, {_sql.Millis("i.\"StartedAt\"", "i.\"CompletedAt\"")} AS ms
              FROM instances i JOIN analytics_instances a ON a."InstanceId" = i."Id"
              WHERE i."ProcessKey" = @p AND i."CompletedAt" >= @from AND i."CompletedAt" < @to AND a."Path" <> ''),
            r AS (SELECT path, ms, ROW_NUMBER() OVER (PARTITION BY path ORDER BY ms) AS rn, COUNT(*) OVER (PARTITION BY path) AS n FROM v)
            SELECT path, MAX(n) AS cnt, MAX(CASE WHEN rn = (50 * n + 99) / 100 THEN ms END) AS median
            FROM r GROUP BY path ORDER BY cnt DESC, {_sql.Binary("path")} LIMIT @top
            """;
        await using var command = Command(connection, sql, window);
        AnalyticsSql.Add(command, "@top", top);
        var result = new List<PathVariant>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var count = Int(reader, 1);
            result.Add(new PathVariant(reader.GetString(0).Split('>'), count, Rate(count, completed), Millis(reader, 2) ?? TimeSpan.Zero));
        }

        return result;
    }
}
