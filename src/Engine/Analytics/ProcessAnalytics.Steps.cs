using System.Data.Common;

namespace LowCode.Engine.Analytics;

public sealed partial class ProcessAnalytics
{
    /// <summary>Each task of the process as its events tell it: step, creation, first claim, completion (up to the window's end).</summary>
    private const string TaskTimes = """
        SELECT e."TaskId" AS task, MIN(e."StepKey") AS step,
          MIN(CASE WHEN e."Type" = 'taskCreated' THEN e."OccurredAt" END) AS created,
          MIN(CASE WHEN e."Type" = 'taskClaimed' THEN e."OccurredAt" END) AS claimed,
          MIN(CASE WHEN e."Type" = 'taskCompleted' THEN e."OccurredAt" END) AS done
        FROM events e JOIN instances i ON i."Id" = e."InstanceId"
        WHERE i."ProcessKey" = @p AND e."OccurredAt" < @to AND e."TaskId" IS NOT NULL
          AND e."Type" IN ('taskCreated', 'taskClaimed', 'taskCompleted')
        GROUP BY e."TaskId"
        """;

    private async Task<IReadOnlyList<StepMetrics>> StepsAsync(DbConnection connection, AnalyticsWindow window, Dictionary<string, int> rework, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, (int Created, int Completed, int Open)>(StringComparer.Ordinal);
        const string CountSql = $"""
            WITH t AS ({TaskTimes})
            SELECT step,
              SUM(CASE WHEN created >= @from THEN 1 ELSE 0 END),
              SUM(CASE WHEN created >= @from AND done IS NOT NULL THEN 1 ELSE 0 END),
              SUM(CASE WHEN created IS NOT NULL AND done IS NULL THEN 1 ELSE 0 END)
            FROM t GROUP BY step
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
        var waiting = _sql.Millis("created", "COALESCE(claimed, done)");
        var working = _sql.Millis("claimed", "done");
        var durationSql = $"""
            WITH t AS ({TaskTimes})
            {Percentiles($"""
                SELECT 'w' || step AS grp, {waiting} AS ms FROM t WHERE created >= @from AND COALESCE(claimed, done) IS NOT NULL
                UNION ALL
                SELECT 'k' || step AS grp, {working} AS ms FROM t WHERE created >= @from AND claimed IS NOT NULL AND done IS NOT NULL
                """)}
            """;
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
            SELECT e."StepKey", COUNT(*) FROM events e JOIN instances i ON i."Id" = e."InstanceId"
            WHERE e."Type" = '{SlaBreached}' AND i."ProcessKey" = @p AND e."OccurredAt" >= @from AND e."OccurredAt" < @to AND e."StepKey" IS NOT NULL
            GROUP BY e."StepKey"
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
            WITH d AS (
              SELECT i."Id" AS id, {_sql.Millis("i.\"StartedAt\"", "i.\"CompletedAt\"")} AS ms FROM instances i
              WHERE i."ProcessKey" = @p AND i."CompletedAt" >= @from AND i."CompletedAt" < @to),
            v AS (
              SELECT d.id, MIN(d.ms) AS ms, {_sql.Path("e.\"StepKey\"", "e.\"Id\"")} AS path
              FROM d JOIN events e ON e."InstanceId" = d.id
              WHERE e."Type" IN {FinishedSteps}
              GROUP BY d.id),
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
