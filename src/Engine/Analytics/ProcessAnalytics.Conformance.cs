using System.Data.Common;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Analytics;

public sealed partial class ProcessAnalytics
{
    private const int MaxExamples = 5;
    private const int MaxDeviationsWithExamples = 100;

    /// <summary>
    /// Conformance of the instances started in the window (their routes up to the window's end) against the design.
    /// <paramref name="baselineRuleSetVersion"/> picks the rule-set version whose goTo routes count as designed; the latest
    /// published one when null. Null when the process was never published.
    /// </summary>
    public async Task<ConformanceReport?> ConformanceAsync(AnalyticsWindow window, int? baselineRuleSetVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(window));
        }

        if (await definitions.GetAsync(DefinitionKind.Process, window.ProcessKey, null, cancellationToken).ConfigureAwait(false) is not { Definition: ProcessDefinition latest })
        {
            return null;
        }

        var ruleSetKey = latest.RuleSet;
        var baseline = ruleSetKey is null
            ? null
            : await definitions.GetAsync(DefinitionKind.RuleSet, ruleSetKey, baselineRuleSetVersion, cancellationToken).ConfigureAwait(false);
        var rules = baseline?.Definition as RuleSetDefinition;

        return await WithConnectionAsync(
            async connection =>
            {
                var routes = await RouteGroupsAsync(connection, window, cancellationToken).ConfigureAwait(false);
                var splits = await SplitGroupsAsync(connection, window, cancellationToken).ConfigureAwait(false);
                var versions = routes.Select(r => r.ProcessVersion).Concat(splits.Select(s => s.ProcessVersion)).Distinct().Order().ToList();
                var designs = new Dictionary<int, IReadOnlyList<DesignedEdge>>();
                foreach (var version in versions.DefaultIfEmpty(0))
                {
                    var process = version == 0
                        ? latest
                        : (await definitions.GetAsync(DefinitionKind.Process, window.ProcessKey, version, cancellationToken).ConfigureAwait(false))?.Definition as ProcessDefinition ?? latest;
                    designs[version] = DesignedGraph.Of(process, rules);
                }

                var designedKeys = designs.ToDictionary(d => d.Key, d => d.Value.Select(e => (e.From, e.To)).ToHashSet());
                var taken = new Dictionary<(string From, string To), TakenEdge>();
                foreach (var route in routes)
                {
                    var designed = designedKeys[route.ProcessVersion].Contains((route.From, route.To));
                    var entry = Taken(taken, route.From, route.To);
                    entry.Count += route.Count;
                    if (!designed)
                    {
                        entry.Deviating += route.Count;
                    }

                    var driver = (route.Source ?? "none", route.Source == "rule" ? route.RoutedBy : null, route.RuleSetVersion);
                    entry.Drivers[driver] = entry.Drivers.GetValueOrDefault(driver) + route.Count;
                }

                foreach (var split in splits)
                {
                    var design = designs[split.ProcessVersion];
                    foreach (var branch in design.Where(e => e.Kind == "branch" && e.From == split.Step))
                    {
                        var entry = Taken(taken, branch.From, branch.To);
                        entry.Count += split.Count;
                        entry.Drivers[("branch", null, null)] = entry.Drivers.GetValueOrDefault(("branch", null, null)) + split.Count;
                    }
                }

                var deviating = routes.Where(r => !designedKeys[r.ProcessVersion].Contains((r.From, r.To))).ToList();
                var examples = await ExamplesAsync(connection, window, deviating, cancellationToken).ConfigureAwait(false);
                var edges = taken
                    .OrderBy(t => t.Key.From, StringComparer.Ordinal).ThenBy(t => t.Key.To, StringComparer.Ordinal)
                    .Select(t => new FlowEdge(t.Key.From, t.Key.To, t.Value.Count, t.Value.Deviating == 0, [], Drivers(t.Value.Drivers)))
                    .ToList();
                var deviations = deviating
                    .GroupBy(r => (r.From, r.To))
                    .OrderByDescending(g => g.Sum(r => r.Count)).ThenBy(g => g.Key.From, StringComparer.Ordinal).ThenBy(g => g.Key.To, StringComparer.Ordinal)
                    .Select(g => new FlowEdge(
                        g.Key.From,
                        g.Key.To,
                        g.Sum(r => r.Count),
                        false,
                        [.. g.SelectMany(r => examples.GetValueOrDefault((r.From, r.To, r.ProcessVersion)) ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxExamples)],
                        Drivers(g.GroupBy(r => (r.Source ?? "none", r.Source == "rule" ? r.RoutedBy : null, r.RuleSetVersion)).ToDictionary(d => d.Key, d => d.Sum(r => r.Count)))))
                    .ToList();
                var dead = designs.Values.SelectMany(d => d)
                    .Where(e => !taken.ContainsKey((e.From, e.To)))
                    .DistinctBy(e => (e.From, e.To, e.Kind, e.Detail))
                    .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Detail, StringComparer.Ordinal)
                    .ToList();
                var instances = await CohortAsync(connection, window, cancellationToken).ConfigureAwait(false);
                var unfit = await DeviatingInstancesAsync(connection, window, deviating, cancellationToken).ConfigureAwait(false);
                var firings = await RuleFiringsAsync(connection, window, cancellationToken).ConfigureAwait(false);
                return new ConformanceReport(
                    window,
                    ruleSetKey,
                    baseline?.Version,
                    instances,
                    instances - unfit,
                    instances == 0 ? 1 : Rate(instances - unfit, instances),
                    edges,
                    deviations,
                    dead,
                    firings);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The routes each rule-set version decided for a process, beside those of the version before it.</summary>
    public Task<RoutingMix> RoutingMixAsync(string processKey, string ruleSetKey, int version, CancellationToken cancellationToken = default)
    {
        var window = new AnalyticsWindow(processKey, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        return WithConnectionAsync(
            async connection =>
            {
                const string Sql = $"""
                    SELECT r."RuleSetVersion", r."FromStep", r."ToStep", COUNT(*) FROM analytics_routes r
                    WHERE r."ProcessKey" = @p AND r."RuleSetKey" = @rk AND r."Kind" = '{AnalyticsRouteRecord.Route}'
                      AND (r."RuleSetVersion" = @v OR r."RuleSetVersion" = @v - 1)
                    GROUP BY r."RuleSetVersion", r."FromStep", r."ToStep"
                    """;
                await using var command = connection.CreateCommand();
                command.CommandText = Sql;
                command.CommandTimeout = 300;
                AnalyticsSql.Add(command, "@p", window.ProcessKey);
                AnalyticsSql.Add(command, "@rk", ruleSetKey);
                AnalyticsSql.Add(command, "@v", version);
                var counts = new Dictionary<(string From, string? To), (int Current, int Previous)>();
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var key = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                        var (current, previous) = counts.GetValueOrDefault(key);
                        var n = Int(reader, 3);
                        counts[key] = Int(reader, 0) == version ? (current + n, previous) : (current, previous + n);
                    }
                }

                var total = counts.Values.Sum(c => c.Current);
                var totalPrevious = counts.Values.Sum(c => c.Previous);
                return new RoutingMix(
                    ruleSetKey,
                    version,
                    total,
                    totalPrevious,
                    [.. counts
                        .OrderBy(c => c.Key.From, StringComparer.Ordinal).ThenBy(c => c.Key.To, StringComparer.Ordinal)
                        .Select(c => new RoutingShare(c.Key.From, c.Key.To, c.Value.Current, Rate(c.Value.Current, total), c.Value.Previous, Rate(c.Value.Previous, totalPrevious)))]);
            },
            cancellationToken);
    }

    private static IReadOnlyList<RouteDriver> Drivers(Dictionary<(string Source, string? Rule, int? Version), int> drivers) =>
        [.. drivers
            .OrderByDescending(d => d.Value).ThenBy(d => d.Key.Source, StringComparer.Ordinal).ThenBy(d => d.Key.Rule, StringComparer.Ordinal).ThenBy(d => d.Key.Version)
            .Select(d => new RouteDriver(d.Key.Source, d.Key.Rule, d.Key.Version, d.Value))];

    private static TakenEdge Taken(Dictionary<(string From, string To), TakenEdge> taken, string from, string to)
    {
        if (!taken.TryGetValue((from, to), out var entry))
        {
            entry = new TakenEdge();
            taken[(from, to)] = entry;
        }

        return entry;
    }

    private sealed class TakenEdge
    {
        public int Count { get; set; }

        public int Deviating { get; set; }

        public Dictionary<(string Source, string? Rule, int? Version), int> Drivers { get; } = [];
    }

    private sealed record RouteGroup(string From, string To, int ProcessVersion, int? RuleSetVersion, string? RoutedBy, string? Source, int Count);

    private sealed record SplitGroup(string Step, int ProcessVersion, int Count);

    /// <summary>The route decisions of a window's cohort (instances started in it) up to the window's end.</summary>
    private const string RoutesOfCohort = $"""
        SELECT r."FromStep" AS f, r."ToStep" AS t, r."ProcessVersion" AS pv, r."RuleSetVersion" AS rv, r."RoutedBy" AS rb,
          r."Source" AS src, r."InstanceId" AS iid
        FROM analytics_routes r
        WHERE r."Kind" = '{AnalyticsRouteRecord.Route}' AND {RouteCohort}
        """;

    private const string RouteCohort = """r."ProcessKey" = @p AND r."InstanceStartedAt" >= @from AND r."InstanceStartedAt" < @to AND r."OccurredAt" < @to""";

    private static async Task<IReadOnlyList<RouteGroup>> RouteGroupsAsync(DbConnection connection, AnalyticsWindow window, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            SELECT f, t, pv, rv, rb, src, COUNT(*) FROM ({RoutesOfCohort}) x
            WHERE t IS NOT NULL
            GROUP BY f, t, pv, rv, rb, src
            """;
        await using var command = Command(connection, Sql, window);
        var result = new List<RouteGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new RouteGroup(
                reader.GetString(0),
                reader.GetString(1),
                Int(reader, 2),
                reader.IsDBNull(3) ? null : Int(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                Int(reader, 6)));
        }

        return result;
    }

    private static async Task<IReadOnlyList<SplitGroup>> SplitGroupsAsync(DbConnection connection, AnalyticsWindow window, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            SELECT r."FromStep", r."ProcessVersion", COUNT(*) FROM analytics_routes r
            WHERE r."Kind" = '{AnalyticsRouteRecord.Split}' AND {RouteCohort}
            GROUP BY r."FromStep", r."ProcessVersion"
            """;
        await using var command = Command(connection, Sql, window);
        var result = new List<SplitGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new SplitGroup(reader.GetString(0), Int(reader, 1), Int(reader, 2)));
        }

        return result;
    }

    private static async Task<int> CohortAsync(DbConnection connection, AnalyticsWindow window, CancellationToken cancellationToken)
    {
        const string Sql = """SELECT COUNT(*) FROM analytics_instances a WHERE a."ProcessKey" = @p AND a."StartedAt" >= @from AND a."StartedAt" < @to""";
        await using var command = Command(connection, Sql, window);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The distinct instances that took at least one of the deviating routes.</summary>
    private static async Task<int> DeviatingInstancesAsync(DbConnection connection, AnalyticsWindow window, IReadOnlyList<RouteGroup> deviating, CancellationToken cancellationToken)
    {
        var keys = deviating.Select(r => (r.From, r.To, r.ProcessVersion)).Distinct().ToList();
        if (keys.Count == 0)
        {
            return 0;
        }

        var rows = string.Join(", ", keys.Select((_, i) => $"(@f{i}, @t{i}, @v{i})"));
        var sql = $"""
            WITH d(f, t, pv) AS (VALUES {rows})
            SELECT COUNT(DISTINCT x.iid) FROM ({RoutesOfCohort}) x JOIN d ON d.f = x.f AND d.t = x.t AND d.pv = x.pv
            """;
        await using var command = Command(connection, sql, window);
        for (var i = 0; i < keys.Count; i++)
        {
            AnalyticsSql.Add(command, $"@f{i}", keys[i].From);
            AnalyticsSql.Add(command, $"@t{i}", keys[i].To);
            AnalyticsSql.Add(command, $"@v{i}", keys[i].ProcessVersion);
        }

        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<(string, string, int), List<string>>> ExamplesAsync(DbConnection connection, AnalyticsWindow window, IReadOnlyList<RouteGroup> deviating, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, string, int), List<string>>();
        var sql = $"""
            SELECT DISTINCT x.iid FROM ({RoutesOfCohort}) x WHERE x.f = @f AND x.t = @t AND x.pv = @v
            ORDER BY x.iid LIMIT {MaxExamples}
            """;
        foreach (var key in deviating.Select(r => (r.From, r.To, r.ProcessVersion)).Distinct().Take(MaxDeviationsWithExamples))
        {
            await using var command = Command(connection, sql, window);
            AnalyticsSql.Add(command, "@f", key.From);
            AnalyticsSql.Add(command, "@t", key.To);
            AnalyticsSql.Add(command, "@v", key.ProcessVersion);
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }

            result[key] = ids;
        }

        return result;
    }

    private async Task<IReadOnlyList<RuleFiring>> RuleFiringsAsync(DbConnection connection, AnalyticsWindow window, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT f."RuleSetVersion", f."Rule", COUNT(*), SUM(CASE WHEN f."Routed" THEN 1 ELSE 0 END) FROM analytics_rule_firings f
            WHERE f."ProcessKey" = @p AND f."InstanceStartedAt" >= @from AND f."InstanceStartedAt" < @to AND f."OccurredAt" < @to
            GROUP BY f."RuleSetVersion", f."Rule"
            ORDER BY f."RuleSetVersion", {_sql.Binary("f.\"Rule\"")}
            """;
        await using var command = Command(connection, sql, window);
        var result = new List<RuleFiring>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new RuleFiring(Int(reader, 0), reader.GetString(1), Int(reader, 2), Int(reader, 3)));
        }

        return result;
    }
}
