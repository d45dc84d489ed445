using LowCode.Engine.Storage;

namespace LowCode.Engine.Analytics.Facts;

/// <summary>
/// Derives the analytics fact tables from the event log in SQL, exactly as <see cref="AnalyticsFacts"/> derives them as
/// events are appended: the <c>AnalyticsFacts</c> migration fills them for the history written before it, and the
/// analytics benchmark for the log it bulk-loads. It reads only the skeleton an erasure keeps.
/// </summary>
public static class AnalyticsFactsBackfill
{
    /// <summary>The statements, in order, for an empty set of fact tables.</summary>
    public static IReadOnlyList<string> Statements(DatabaseProvider provider)
    {
        var sql = new AnalyticsSql(provider);
        const string Finished = ProcessAnalytics.FinishedSteps;
        var code = sql.JsonText("e.\"Payload\"", "code");
        return
        [
            $"""
            INSERT INTO analytics_instances ("InstanceId", "ProcessKey", "StartedAt", "CompletedAt", "CycleMs", "Path", "FirstSlaBreachAt")
            SELECT i."Id", i."ProcessKey", i."StartedAt", i."CompletedAt",
              CASE WHEN i."CompletedAt" IS NOT NULL THEN {sql.Millis("i.\"StartedAt\"", "i.\"CompletedAt\"")} END,
              COALESCE((SELECT {sql.Path("e.\"StepKey\"", "e.\"Id\"")} FROM events e
                WHERE e."InstanceId" = i."Id" AND e."Type" IN {Finished} AND e."StepKey" IS NOT NULL), ''),
              (SELECT MIN(e."OccurredAt") FROM events e WHERE e."InstanceId" = i."Id" AND e."Type" = 'slaBreached')
            FROM instances i
            """,
            $"""
            INSERT INTO analytics_tasks ("TaskId", "InstanceId", "ProcessKey", "StepKey", "CreatedAt", "ClaimedAt", "CompletedAt", "WaitingMs", "WorkingMs")
            SELECT t.task, t.iid, t.pk, t.step, t.created, t.claimed, t.done,
              CASE WHEN COALESCE(t.claimed, t.done) IS NOT NULL THEN {sql.Millis("t.created", "COALESCE(t.claimed, t.done)")} END,
              CASE WHEN t.claimed IS NOT NULL AND t.done IS NOT NULL THEN {sql.Millis("t.claimed", "t.done")} END
            FROM (
              SELECT e."TaskId" AS task, MIN(i."Id") AS iid, MIN(i."ProcessKey") AS pk,
                MIN(CASE WHEN e."Type" = 'taskCreated' THEN e."StepKey" END) AS step,
                MIN(CASE WHEN e."Type" = 'taskCreated' THEN e."OccurredAt" END) AS created,
                MIN(CASE WHEN e."Type" = 'taskClaimed' THEN e."OccurredAt" END) AS claimed,
                MIN(CASE WHEN e."Type" = 'taskCompleted' THEN e."OccurredAt" END) AS done
              FROM events e JOIN instances i ON i."Id" = e."InstanceId"
              WHERE e."TaskId" IS NOT NULL AND e."Type" IN ('taskCreated', 'taskClaimed', 'taskCompleted')
              GROUP BY e."TaskId") t
            WHERE t.created IS NOT NULL AND t.step IS NOT NULL
            """,
            $"""
            INSERT INTO analytics_step_events ("Kind", "InstanceId", "ProcessKey", "InstanceStartedAt", "StepKey", "OccurredAt", "Code")
            SELECT kind, iid, pk, started, step, at, code FROM (
              SELECT 'r' AS kind, f.iid, f.pk, f.started, f.step, f.at, NULL AS code, f.id FROM (
                SELECT e."Id" AS id, i."Id" AS iid, i."ProcessKey" AS pk, i."StartedAt" AS started, e."StepKey" AS step, e."OccurredAt" AS at,
                  ROW_NUMBER() OVER (PARTITION BY e."InstanceId", e."StepKey" ORDER BY e."Id") AS visit
                FROM events e JOIN instances i ON i."Id" = e."InstanceId"
                WHERE e."Type" IN {Finished} AND e."StepKey" IS NOT NULL) f
              WHERE f.visit > 1
              UNION ALL
              SELECT 's', i."Id", i."ProcessKey", i."StartedAt", e."StepKey", e."OccurredAt", NULL, e."Id"
              FROM events e JOIN instances i ON i."Id" = e."InstanceId" WHERE e."Type" = 'slaBreached'
              UNION ALL
              SELECT 'x', i."Id", i."ProcessKey", i."StartedAt", e."StepKey", e."OccurredAt", {code}, e."Id"
              FROM events e JOIN instances i ON i."Id" = e."InstanceId" WHERE e."Type" = 'exceptionRaised' AND {code} IS NOT NULL) x
            ORDER BY id
            """,
        ];
    }
}
