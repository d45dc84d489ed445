using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Analytics.Facts;

/// <summary>
/// Derives the conformance fact tables from the event log in SQL, exactly as <see cref="ConformanceFacts"/> derives them
/// as events are appended: the <c>ConformanceFacts</c> migration fills them for the history written before it, and the
/// analytics benchmark for the log it bulk-loads. It reads only the skeleton an erasure keeps.
/// </summary>
public static class ConformanceFactsBackfill
{
    /// <summary>The statements, in order, for empty conformance fact tables.</summary>
    public static IReadOnlyList<string> Statements(DatabaseProvider provider)
    {
        var sql = new AnalyticsSql(provider);
        string Text(string property) => sql.JsonText("e.\"Payload\"", property);
        return
        [
            $"""
            INSERT INTO analytics_routes ("Kind", "InstanceId", "ProcessKey", "ProcessVersion", "InstanceStartedAt", "OccurredAt", "FromStep", "ToStep", "Source", "RoutedBy", "RuleSetKey", "RuleSetVersion")
            SELECT CASE WHEN e."Type" = 'routeDecided' THEN '{AnalyticsRouteRecord.Route}' ELSE '{AnalyticsRouteRecord.Split}' END,
              i."Id", i."ProcessKey", i."ProcessVersion", i."StartedAt", e."OccurredAt", e."StepKey",
              CASE WHEN e."Type" = 'routeDecided' THEN {Text("target")} END,
              CASE WHEN e."Type" = 'routeDecided' THEN {Text("source")} END,
              CASE WHEN e."Type" = 'routeDecided' THEN {Text("routedBy")} END,
              CASE WHEN e."Type" = 'routeDecided' THEN {Text("ruleSetKey")} END,
              CASE WHEN e."Type" = 'routeDecided' THEN {sql.JsonInt("e.\"Payload\"", "ruleSetVersion")} END
            FROM events e JOIN instances i ON i."Id" = e."InstanceId"
            WHERE e."Type" IN ('routeDecided', 'parallelSplit') AND e."StepKey" IS NOT NULL
            ORDER BY e."Id"
            """,
            $"""
            INSERT INTO analytics_rule_firings ("InstanceId", "ProcessKey", "InstanceStartedAt", "OccurredAt", "RuleSetKey", "RuleSetVersion", "Rule", "Routed")
            SELECT x.iid, x.pk, x.started, x.at, x.rk, x.rv, r.value, CASE WHEN x.rb = r.value THEN {sql.True} ELSE {sql.False} END
            FROM (
              SELECT e."Id" AS id, e."Payload" AS payload, i."Id" AS iid, i."ProcessKey" AS pk, i."StartedAt" AS started, e."OccurredAt" AS at,
                {Text("ruleSetKey")} AS rk, {sql.JsonInt("e.\"Payload\"", "ruleSetVersion")} AS rv, {Text("routedBy")} AS rb
              FROM events e JOIN instances i ON i."Id" = e."InstanceId"
              WHERE e."Type" = 'routeDecided' AND e."StepKey" IS NOT NULL) x,
              {sql.JsonArrayElements("x.payload", "firedRules", "r")}
            WHERE x.rv IS NOT NULL
            ORDER BY x.id
            """,
        ];
    }
}
