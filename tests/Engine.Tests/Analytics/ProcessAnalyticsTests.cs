using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Analytics;
using LowCode.Engine.Events;
using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Analytics;

/// <summary>
/// Metrics and conformance over a history built through the real runtime (<see cref="KnownHistory"/>), each figure
/// checked against a value computed here from what the test wrote down while building it.
/// </summary>
public abstract class ProcessAnalyticsTests(DatabaseProvider provider)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static AnalyticsWindow Window(string process) => new(process, KnownHistory.Day0, KnownHistory.Day0.AddDays(16));

    [Fact]
    public async Task ProcessFiguresMatchTheHistoryAsBuilt()
    {
        await using var h = await CreateAsync();
        var history = await KnownHistory.BuildAsync(h);
        await AppendSlaBreachAsync(h, history.ItAccess[1].Id, "securityApproval", history.ItAccess[1].Started + Hour);

        var metrics = await Analytics(h).MetricsAsync(Window("it-access-request"));

        var cases = history.ItAccess;
        var done = cases.Where(c => c.Completed is not null).ToList();
        Assert.Equal((cases.Count, done.Count, cases.Count - done.Count), (metrics.Started, metrics.Completed, metrics.WorkInProgress));
        var cycles = done.Select(c => c.Completed!.Value - c.Started).ToList();
        Assert.Equal([2 * Hour, 5 * Hour, 5 * Hour, 5 * Hour, 9 * Hour], cycles.Order());
        Assert.Equal(new DurationStats(cycles.Count, NearestRank(cycles, 50), NearestRank(cycles, 90), cycles.Max()), metrics.CycleTime);
        Assert.Equal(Berlin.Id, metrics.TimeZone);
        Assert.Equal((1, 1.0 / cases.Count), (metrics.SlaBreachedInstances, metrics.SlaBreachRate));
        var exception = Assert.Single(metrics.Exceptions);
        Assert.Equal(new ExceptionRate("PRIVILEGED_ACCESS_REQUESTED", 1, 1, 1.0 / cases.Count), exception);
        Assert.Equal(0, metrics.ReworkInstances);
    }

    [Fact]
    public async Task ThroughputIsBucketedByDayAndWeekInTheConfiguredTimeZone()
    {
        await using var h = await CreateAsync();
        var history = await KnownHistory.BuildAsync(h);

        var metrics = await Analytics(h).MetricsAsync(Window("it-access-request"));

        var localDays = history.ItAccess.Where(c => c.Completed is not null).Select(c => LocalDay(c.Completed!.Value)).ToList();
        var expectedDays = localDays.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedDays, metrics.ThroughputPerDay.Where(b => b.Completed > 0).ToDictionary(b => b.Start, b => b.Completed));
        Assert.Contains(new DateOnly(2026, 3, 3), expectedDays.Keys);
        var first = LocalDay(KnownHistory.Day0);
        var last = LocalDay(KnownHistory.Day0.AddDays(16).AddTicks(-1));
        Assert.Equal(last.DayNumber - first.DayNumber + 1, metrics.ThroughputPerDay.Count);
        Assert.Equal(KnownHistory.Day0, metrics.ThroughputPerDay[0].StartsAt);

        var expectedWeeks = localDays.GroupBy(d => d.AddDays(-(((int)d.DayOfWeek + 6) % 7))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedWeeks, metrics.ThroughputPerWeek.Where(b => b.Completed > 0).ToDictionary(b => b.Start, b => b.Completed));
        Assert.All(metrics.ThroughputPerWeek, b => Assert.Equal(DayOfWeek.Monday, b.Start.DayOfWeek));
    }

    [Fact]
    public async Task StepFiguresSplitWaitingFromWorkingAndCountRework()
    {
        await using var h = await CreateAsync();
        var history = await KnownHistory.BuildAsync(h);
        await AppendSlaBreachAsync(h, history.ItAccess[1].Id, "securityApproval", history.ItAccess[1].Started + Hour);

        var metrics = await Analytics(h).MetricsAsync(Window("it-access-request"));

        var tasks = history.ItAccess.SelectMany(c => c.Tasks).ToList();
        Assert.Equal(tasks.Select(t => t.Step).Distinct().Order(StringComparer.Ordinal), metrics.Steps.Select(s => s.StepKey));
        foreach (var step in metrics.Steps)
        {
            var mine = tasks.Where(t => t.Step == step.StepKey).ToList();
            var waiting = mine.Where(t => (t.Claimed ?? t.Done) is not null).Select(t => (t.Claimed ?? t.Done)!.Value - t.Created).ToList();
            var working = mine.Where(t => t.Claimed is not null && t.Done is not null).Select(t => t.Done!.Value - t.Claimed!.Value).ToList();
            Assert.Equal(mine.Count, step.TasksCreated);
            Assert.Equal(mine.Count(t => t.Done is not null), step.TasksCompleted);
            Assert.Equal(mine.Count(t => t.Done is null), step.WorkInProgress);
            Assert.Equal(Stats(waiting), step.Waiting);
            Assert.Equal(Stats(working), step.Working);
            Assert.Equal(step.StepKey == "securityApproval" ? 1 : 0, step.SlaBreaches);
            Assert.Equal(0, step.Rework);
        }

        Assert.Equal(4, metrics.Steps.Single(s => s.StepKey == "securityApproval").Working.Count);

        var expense = await Analytics(h).MetricsAsync(Window("expense-approval"));
        Assert.Equal(1, expense.ReworkInstances);
        Assert.Equal(1, expense.Steps.Single(s => s.StepKey == "managerApproval").Rework);
        Assert.All(expense.Steps.Where(s => s.StepKey != "managerApproval"), s => Assert.Equal(0, s.Rework));
        Assert.Equal((3, 0, 3), (expense.Started, expense.Completed, expense.WorkInProgress));
    }

    [Fact]
    public async Task PathVariantsFollowTheOrderStepsFinishedInParallelBranchesIncluded()
    {
        await using var h = await CreateAsync();
        var history = await KnownHistory.BuildAsync(h);

        var metrics = await Analytics(h).MetricsAsync(Window("it-access-request"));

        var done = history.ItAccess.Where(c => c.Completed is not null).ToList();
        var expected = done
            .GroupBy(c => string.Join('>', c.Finished))
            .Select(g => (Path: g.Key, Count: g.Count(), Median: NearestRank([.. g.Select(c => c.Completed!.Value - c.Started)], 50)))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Path, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, metrics.Variants.Select(v => (string.Join('>', v.Steps), v.Instances, v.MedianCycleTime)));
        Assert.Equal(expected.Select(v => (double)v.Count / done.Count), metrics.Variants.Select(v => v.Share));
    }

    [Fact]
    public async Task ConformanceFindsTheWorkaroundItsRuleAndTheDeadPaths()
    {
        await using var h = await CreateAsync();
        var history = await KnownHistory.BuildAsync(h);

        var report = await Analytics(h).ConformanceAsync(Window("expense-approval"));

        Assert.NotNull(report);
        Assert.Equal(("expense-routing", 3), (report.RuleSetKey, report.BaselineRuleSetVersion));
        var deviation = Assert.Single(report.Deviations);
        Assert.Equal(("submit", "financeReview", 1), (deviation.From, deviation.To, deviation.Count));
        Assert.Equal([history.WorkaroundInstance], deviation.ExampleInstances);
        Assert.Equal([new RouteDriver("rule", KnownHistory.WorkaroundRule, 2, 1)], deviation.Drivers);
        Assert.Equal((3, 2, 2.0 / 3), (report.Instances, report.FittingInstances, report.Fitness));

        // Taken, as the claims were driven: the rework loop (v1), the workaround (v2), the large claim (v3).
        (string, string, int)[] taken =
        [
            ("financeReview", "payment", 2),
            ("managerApproval", "financeReview", 1),
            ("managerApproval", "payment", 1),
            ("managerApproval", "rework", 1),
            ("rework", "managerApproval", 1),
            ("submit", "financeReview", 1),
            ("submit", "managerApproval", 2),
        ];
        Assert.Equal(taken, report.Edges.Select(e => (e.From, e.To, e.Count)));
        Assert.Equal([("submit", "financeReview")], report.Edges.Where(e => !e.Designed).Select(e => (e.From, e.To)));
        var designed = new (string, string)[]
        {
            ("submit", "managerApproval"), ("managerApproval", "rework"), ("managerApproval", "financeReview"), ("managerApproval", "payment"),
            ("financeReview", "payment"), ("financeReview", "rework"), ("rework", "managerApproval"), ("payment", "recordPayment"), ("recordPayment", "done"),
            ("payment", "payByHand"), ("payByHand", "recordPayment"), // the payment webhook's failed transition, never taken here
        };
        var dead = designed.Where(d => !taken.Any(t => (t.Item1, t.Item2) == d)).Order().ToList();
        Assert.Equal(dead, report.DeadPaths.Select(e => (e.From, e.To)).Distinct().Order());

        Assert.Contains(new RuleFiring(1, "other-claims-go-to-payment", 1, 1), report.RuleFirings);
        Assert.Contains(new RuleFiring(2, KnownHistory.WorkaroundRule, 1, 1), report.RuleFirings);
        Assert.Contains(new RuleFiring(3, "large-claims-go-to-finance", 1, 1), report.RuleFirings);
        Assert.Equal(3, report.RuleFirings.Count);
    }

    [Fact]
    public async Task ParallelBranchesAreDesignedAndEveryRequestFitsTheDesign()
    {
        await using var h = await CreateAsync();
        var history = await KnownHistory.BuildAsync(h);

        var report = await Analytics(h).ConformanceAsync(Window("it-access-request"));

        Assert.NotNull(report);
        Assert.Empty(report.Deviations);
        Assert.Equal((history.ItAccess.Count, history.ItAccess.Count, 1.0), (report.Instances, report.FittingInstances, report.Fitness));
        var branch = report.Edges.Single(e => (e.From, e.To) == ("approvals", "securityApproval"));
        Assert.Equal((history.ItAccess.Count, true), (branch.Count, branch.Designed));
        Assert.Equal([new RouteDriver("branch", null, null, history.ItAccess.Count)], branch.Drivers);
        var rejected = report.Edges.Single(e => (e.From, e.To) == ("approvalsDone", "recordRejection"));
        Assert.Equal([new RouteDriver("rule", "any-rejection-stops-the-request", 1, 5)], rejected.Drivers);
        Assert.Contains(report.DeadPaths, e => (e.From, e.To, e.Kind) == ("approvalsDone", "securityLeadReview", "rule"));
    }

    [Fact]
    public async Task TheRoutingMixOfAVersionStandsBesideThePreviousVersion()
    {
        await using var h = await CreateAsync();
        await KnownHistory.BuildAsync(h);

        var mix = await Analytics(h).RoutingMixAsync("expense-approval", "expense-routing", 2);

        Assert.Equal((2, 4), (mix.Decisions, mix.PreviousDecisions));
        Assert.Equal(
            [
                new RoutingShare("financeReview", "payment", 1, 0.5, 0, 0),
                new RoutingShare("managerApproval", "payment", 0, 0, 1, 0.25),
                new RoutingShare("managerApproval", "rework", 0, 0, 1, 0.25),
                new RoutingShare("rework", "managerApproval", 0, 0, 1, 0.25),
                new RoutingShare("submit", "financeReview", 1, 0.5, 0, 0),
                new RoutingShare("submit", "managerApproval", 0, 0, 1, 0.25),
            ],
            mix.Routes);
    }

    [Fact]
    public async Task FiguresReadOnlyTheSkeletonSoErasingEveryValueChangesNone()
    {
        await using var h = await CreateAsync();
        await KnownHistory.BuildAsync(h);
        var analytics = Analytics(h);
        var before = await AllFiguresAsync(analytics);

        await EraseValuesAsync(h);

        Assert.Equal(before, await AllFiguresAsync(analytics));
    }

    private async Task<RuntimeHarness> CreateAsync()
    {
        var h = await RuntimeHarness.CreateAsync(provider);
        h.Options.TimeZone = Berlin;
        return h;
    }

    private static ProcessAnalytics Analytics(RuntimeHarness h) => new(h.Database.Contexts, h.Database.Options, h.Options, h.Database.Store);

    private static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Berlin).DateTime);

    private static TimeSpan NearestRank(List<TimeSpan> values, int percentile) =>
        values.Order().ElementAt((int)Math.Ceiling(percentile / 100.0 * values.Count) - 1);

    private static DurationStats Stats(List<TimeSpan> values) =>
        values.Count == 0 ? DurationStats.Empty : new(values.Count, NearestRank(values, 50), NearestRank(values, 90), values.Max());

    /// <summary>Stands in for the timers runtime, which appends this event when a step's SLA passes.</summary>
    private static async Task AppendSlaBreachAsync(RuntimeHarness h, string instanceId, string step, DateTimeOffset at)
    {
        await using var db = await h.Database.Contexts.CreateDbContextAsync();
        var instance = await db.Instances.SingleAsync(i => i.Id == instanceId);
        EventLog.Append(db, ProcessAnalytics.SlaBreached, instance, at, "system", [], step);
        await db.SaveChangesAsync();
    }

    private static async Task<string> AllFiguresAsync(ProcessAnalytics analytics)
    {
        var figures = new JsonArray();
        foreach (var process in new[] { "it-access-request", "expense-approval" })
        {
            figures.Add(JsonSerializer.SerializeToNode(await analytics.MetricsAsync(Window(process))));
            figures.Add(JsonSerializer.SerializeToNode(await analytics.ConformanceAsync(Window(process))));
        }

        figures.Add(JsonSerializer.SerializeToNode(await analytics.RoutingMixAsync("expense-approval", "expense-routing", 2)));
        return figures.ToJsonString();
    }

    /// <summary>
    /// Blanks every value an erasure may remove: instance data, submissions, actors, and in event payloads everything
    /// but the skeleton properties (route target, source, winning rule, fired rules, rule-set key and version, exception code).
    /// </summary>
    private static async Task EraseValuesAsync(RuntimeHarness h)
    {
        string[] skeleton = ["processKey", "processVersion", "target", "source", "routedBy", "firedRules", "ruleSetKey", "ruleSetVersion", "code"];
        await using var db = await h.Database.Contexts.CreateDbContextAsync();
        foreach (var instance in await db.Instances.ToListAsync())
        {
            instance.Data = "{}";
            instance.BusinessKey = null;
            instance.StartedBy = "erased";
        }

        foreach (var task in await db.Tasks.ToListAsync())
        {
            task.Data = null;
            task.CompletedBy = null;
            task.AssigneeUser = null;
        }

        foreach (var e in await db.Events.ToListAsync())
        {
            var payload = JsonNode.Parse(e.Payload)!.AsObject();
            foreach (var name in payload.Select(p => p.Key).Where(k => !skeleton.Contains(k)).ToList())
            {
                payload.Remove(name);
            }

            e.Payload = payload.ToJsonString();
            e.Actor = null;
        }

        await db.SaveChangesAsync();
    }
}

public sealed class ProcessAnalyticsTestsOnSqlite() : ProcessAnalyticsTests(DatabaseProvider.Sqlite);

public sealed class ProcessAnalyticsTestsOnPostgreSQL() : ProcessAnalyticsTests(DatabaseProvider.PostgreSQL);
