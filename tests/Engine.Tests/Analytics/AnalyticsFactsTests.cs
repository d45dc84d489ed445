using System.Text.Json;
using LowCode.Engine.Analytics.Facts;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tests.Processes;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Analytics;

/// <summary>
/// The analytics facts the runtime writes as it appends events, against the same facts derived from the event log by
/// the backfills the <c>AnalyticsFacts</c> and <c>ConformanceFacts</c> migrations and the benchmark run.
/// </summary>
public abstract class AnalyticsFactsTests(DatabaseProvider provider)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task TheBackfillDerivesTheFactsTheRuntimeWroteAsItAppended()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        await KnownHistory.BuildAsync(h);
        await ClaimReleaseReclaimAsync(h);
        var written = await FactsAsync(h);

        await using (var db = await h.Database.Contexts.CreateDbContextAsync())
        {
            await db.Set<AnalyticsInstanceRecord>().ExecuteDeleteAsync();
            await db.Set<AnalyticsTaskRecord>().ExecuteDeleteAsync();
            await db.Set<AnalyticsStepEventRecord>().ExecuteDeleteAsync();
            await db.Set<AnalyticsRouteRecord>().ExecuteDeleteAsync();
            await db.Set<AnalyticsRuleFiringRecord>().ExecuteDeleteAsync();
            foreach (var statement in AnalyticsFactsBackfill.Statements(provider).Concat(ConformanceFactsBackfill.Statements(provider)))
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }
        }

        Assert.Contains("\"Path\":\"submit\\u003EmanagerApproval\\u003Erework\\u003EmanagerApproval", written, StringComparison.Ordinal);
        Assert.Contains($"\"FromStep\":\"submit\",\"ToStep\":\"financeReview\",\"Source\":\"rule\",\"RoutedBy\":\"{KnownHistory.WorkaroundRule}\"", written, StringComparison.Ordinal);
        Assert.Contains($"\"Rule\":\"{KnownHistory.WorkaroundRule}\",\"Routed\":true", written, StringComparison.Ordinal);
        Assert.Contains("\"Kind\":\"s\"", written, StringComparison.Ordinal);
        Assert.Equal(written, await FactsAsync(h));
    }

    [Fact]
    public async Task WaitingEndsAtTheFirstClaimWhenATaskIsReleasedAndClaimedAgain()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (taskId, created) = await ClaimReleaseReclaimAsync(h);

        await using var db = await h.Database.Contexts.CreateDbContextAsync();
        var fact = await db.Set<AnalyticsTaskRecord>().SingleAsync(t => t.TaskId == taskId);
        Assert.Equal(("securityApproval", created.UtcDateTime.AddHours(1), created.UtcDateTime.AddHours(4)), (fact.StepKey, fact.ClaimedAt, fact.CompletedAt));
        Assert.Equal(((long)Hour.TotalMilliseconds, (long)(3 * Hour).TotalMilliseconds), (fact.WaitingMs, fact.WorkingMs));
    }

    /// <summary>A Security approval claimed after 1 h, released at 2 h, claimed again at 3 h and decided at 4 h.</summary>
    private static async Task<(string TaskId, DateTimeOffset Created)> ClaimReleaseReclaimAsync(RuntimeHarness h)
    {
        var id = await h.StartAsync("it-access-request", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "request"), RuntimeHarness.Employee, Claims.AccessRequest("crm", "read"));
        var task = await h.OpenTaskAsync(id, "securityApproval");
        var created = h.Clock.GetUtcNow();
        h.Clock.Advance(Hour);
        Assert.True((await h.Runtime.ClaimTaskAsync(task.Id, RuntimeHarness.Security)).Succeeded);
        h.Clock.Advance(Hour);
        Assert.True((await h.Runtime.ReleaseTaskAsync(task.Id, RuntimeHarness.Security)).Succeeded);
        h.Clock.Advance(Hour);
        Assert.True((await h.Runtime.ClaimTaskAsync(task.Id, RuntimeHarness.Security)).Succeeded);
        h.Clock.Advance(Hour);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "securityApproval"), RuntimeHarness.Security, Claims.AccessDecision("Security."), "rejected");
        return (task.Id, created);
    }

    private static async Task<string> FactsAsync(RuntimeHarness h)
    {
        await using var db = await h.Database.Contexts.CreateDbContextAsync();
        var instances = await db.Set<AnalyticsInstanceRecord>().AsNoTracking().OrderBy(a => a.InstanceId).ToListAsync();
        var tasks = await db.Set<AnalyticsTaskRecord>().AsNoTracking().OrderBy(t => t.TaskId).ToListAsync();
        var steps = (await db.Set<AnalyticsStepEventRecord>().AsNoTracking().ToListAsync())
            .Select(s => new { s.Kind, s.InstanceId, s.ProcessKey, s.InstanceStartedAt, s.StepKey, s.OccurredAt, s.Code })
            .OrderBy(s => s.InstanceId, StringComparer.Ordinal).ThenBy(s => s.OccurredAt).ThenBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.StepKey, StringComparer.Ordinal);
        var routes = (await db.Set<AnalyticsRouteRecord>().AsNoTracking().ToListAsync())
            .Select(r => new { r.Kind, r.InstanceId, r.ProcessKey, r.ProcessVersion, r.InstanceStartedAt, r.OccurredAt, r.FromStep, r.ToStep, r.Source, r.RoutedBy, r.RuleSetKey, r.RuleSetVersion })
            .OrderBy(r => r.InstanceId, StringComparer.Ordinal).ThenBy(r => r.OccurredAt).ThenBy(r => r.FromStep, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal);
        var firings = (await db.Set<AnalyticsRuleFiringRecord>().AsNoTracking().ToListAsync())
            .Select(f => new { f.InstanceId, f.ProcessKey, f.InstanceStartedAt, f.OccurredAt, f.RuleSetKey, f.RuleSetVersion, f.Rule, f.Routed })
            .OrderBy(f => f.InstanceId, StringComparer.Ordinal).ThenBy(f => f.OccurredAt).ThenBy(f => f.Rule, StringComparer.Ordinal);
        return JsonSerializer.Serialize(new { instances, tasks, steps, routes, firings });
    }
}

public sealed class AnalyticsFactsTestsOnSqlite() : AnalyticsFactsTests(DatabaseProvider.Sqlite);

public sealed class AnalyticsFactsTestsOnPostgreSQL() : AnalyticsFactsTests(DatabaseProvider.PostgreSQL);
