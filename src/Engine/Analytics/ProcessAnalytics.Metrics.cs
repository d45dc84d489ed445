using System.Data.Common;
using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Analytics;

public sealed partial class ProcessAnalytics
{
    private const string InWindow = "i.\"ProcessKey\" = @p AND i.\"StartedAt\" >= @from AND i.\"StartedAt\" < @to";

    /// <summary>Step events of one kind that the window's cohort (instances started in it) had by the window's end.</summary>
    private static string Cohort(string alias, string kind) =>
        $"{alias}.\"ProcessKey\" = @p AND {alias}.\"Kind\" = '{kind}' AND {alias}.\"InstanceStartedAt\" >= @from AND {alias}.\"InstanceStartedAt\" < @to AND {alias}.\"OccurredAt\" < @to";

    /// <summary>Every metric of one process over a window; <paramref name="topVariants"/> bounds the path variants listed.</summary>
    public Task<ProcessMetrics> MetricsAsync(AnalyticsWindow window, int topVariants = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(window));
        }

        return WithConnectionAsync(
            async connection =>
            {
                var (started, completed, wip, breached) = await CountsAsync(connection, window, cancellationToken).ConfigureAwait(false);
                var cycle = await CycleTimeAsync(connection, window, cancellationToken).ConfigureAwait(false);
                var days = await ThroughputAsync(connection, window, weeks: false, cancellationToken).ConfigureAwait(false);
                var weeks = await ThroughputAsync(connection, window, weeks: true, cancellationToken).ConfigureAwait(false);
                var exceptions = await ExceptionsAsync(connection, window, started, cancellationToken).ConfigureAwait(false);
                var (reworkInstances, reworkBySteps) = await ReworkAsync(connection, window, cancellationToken).ConfigureAwait(false);
                var steps = await StepsAsync(connection, window, reworkBySteps, cancellationToken).ConfigureAwait(false);
                var variants = await VariantsAsync(connection, window, completed, Math.Clamp(topVariants, 1, 1000), cancellationToken).ConfigureAwait(false);
                return new ProcessMetrics(
                    window,
                    Zone.Id,
                    started,
                    completed,
                    wip,
                    cycle,
                    days,
                    weeks,
                    breached,
                    Rate(breached, started),
                    exceptions,
                    reworkInstances,
                    steps,
                    variants);
            },
            cancellationToken);
    }

    private static async Task<(int Started, int Completed, int Wip, int Breached)> CountsAsync(DbConnection connection, AnalyticsWindow window, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            SELECT
              (SELECT COUNT(*) FROM instances i WHERE {InWindow}),
              (SELECT COUNT(*) FROM instances i WHERE i."ProcessKey" = @p AND i."CompletedAt" >= @from AND i."CompletedAt" < @to),
              (SELECT COUNT(*) FROM instances i WHERE i."ProcessKey" = @p AND i."StartedAt" < @to AND (i."CompletedAt" IS NULL OR i."CompletedAt" >= @to)),
              (SELECT COUNT(*) FROM analytics_instances a WHERE a."ProcessKey" = @p AND a."StartedAt" >= @from AND a."StartedAt" < @to AND a."FirstSlaBreachAt" < @to)
            """;
        await using var command = Command(connection, Sql, window);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (Int(reader, 0), Int(reader, 1), Int(reader, 2), Int(reader, 3));
    }

    private static async Task<DurationStats> CycleTimeAsync(DbConnection connection, AnalyticsWindow window, CancellationToken cancellationToken)
    {
        var stats = await RanksAsync(
            connection,
            window,
            "a.\"ProcessKey\"",
            "a.\"CycleMs\"",
            "FROM analytics_instances a WHERE a.\"ProcessKey\" = @p AND a.\"CompletedAt\" >= @from AND a.\"CompletedAt\" < @to",
            cancellationToken).ConfigureAwait(false);
        return stats.Values.SingleOrDefault() ?? DurationStats.Empty;
    }

    private async Task<IReadOnlyList<ThroughputBucket>> ThroughputAsync(DbConnection connection, AnalyticsWindow window, bool weeks, CancellationToken cancellationToken)
    {
        var buckets = CalendarBuckets.Of(window.From, window.To, Zone, weeks);
        var rows = string.Join(", ", buckets.Select((_, i) => $"({i}, @s{i}, @e{i})"));
        var sql = $"""
            WITH b(i, s, e) AS (VALUES {rows})
            SELECT b.i, COUNT(x."Id") FROM b LEFT JOIN instances x ON x."ProcessKey" = @p AND x."CompletedAt" >= b.s AND x."CompletedAt" < b.e
            GROUP BY b.i ORDER BY b.i
            """;
        await using var command = Command(connection, sql, window);
        for (var i = 0; i < buckets.Count; i++)
        {
            AnalyticsSql.Add(command, $"@s{i}", buckets[i].StartsAt.UtcDateTime);
            AnalyticsSql.Add(command, $"@e{i}", buckets[i].EndsAt.UtcDateTime);
        }

        var result = new List<ThroughputBucket>(buckets.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var bucket = buckets[Int(reader, 0)];
            result.Add(new ThroughputBucket(bucket.Day, bucket.StartsAt, Int(reader, 1)));
        }

        return result;
    }

    private async Task<IReadOnlyList<ExceptionRate>> ExceptionsAsync(DbConnection connection, AnalyticsWindow window, int started, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT s."Code", COUNT(*), COUNT(DISTINCT s."InstanceId") FROM analytics_step_events s
            WHERE {Cohort("s", AnalyticsStepEventRecord.Exception)}
            GROUP BY s."Code" ORDER BY {_sql.Binary("s.\"Code\"")}
            """;
        await using var command = Command(connection, sql, window);
        var result = new List<ExceptionRate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var instances = Int(reader, 2);
            result.Add(new ExceptionRate(reader.GetString(0), Int(reader, 1), instances, Rate(instances, started)));
        }

        return result;
    }

    private static async Task<(int Instances, Dictionary<string, int> BySteps)> ReworkAsync(DbConnection connection, AnalyticsWindow window, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT s."StepKey", COUNT(*) FROM analytics_step_events s WHERE {Cohort("s", AnalyticsStepEventRecord.Rework)} GROUP BY s."StepKey"
            UNION ALL
            SELECT NULL, COUNT(DISTINCT s."InstanceId") FROM analytics_step_events s WHERE {Cohort("s", AnalyticsStepEventRecord.Rework)}
            """;
        await using var command = Command(connection, sql, window);
        var bySteps = new Dictionary<string, int>(StringComparer.Ordinal);
        var instances = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.IsDBNull(0))
            {
                instances = Int(reader, 1);
            }
            else
            {
                bySteps[reader.GetString(0)] = Int(reader, 1);
            }
        }

        return (instances, bySteps);
    }
}
