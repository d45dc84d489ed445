using LowCode.Engine.Metadata;
using LowCode.Engine.Operations.DryRun;
using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;

namespace LowCode.Engine.Tests.Operations;

public abstract class DryRunTests(DatabaseProvider provider)
{
    /// <summary>Claims as (amount, manager's outcome), run through the real runtime five minutes apart.</summary>
    private static readonly (double Amount, string Outcome)[] History =
    [
        (40, "approved"), (300, "approved"), (600, "approved"), (800, "rejected"), (950, "approved"),
        (1000, "approved"), (1200, "approved"), (2500, "approved"), (700, "approved"),
    ];

    [Fact]
    public async Task ALoweredThresholdReportsExactlyTheApprovalsBetweenTheOldAndTheNewThreshold()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var ids = await RecordHistoryAsync(ops);
        var draft = await h.Database.Store.SaveDraftAsync(DefinitionKind.RuleSet, Lowered(500), null, "admin");
        Assert.True(draft.Succeeded, draft.Error?.Message);

        var report = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing"));

        // Computed independently: an approval routes by total, and only totals in (500, 1000] fall on the other side.
        var expected = History.Select((c, i) => (c, Id: ids[i])).Where(x => x.c.Outcome == "approved" && x.c.Amount > 500 && x.c.Amount <= 1000).Select(x => x.Id).ToHashSet();
        Assert.True(report.Succeeded, string.Join("; ", report.Problems));
        Assert.Equal((History.Length * 2, expected.Count, 0, 0), (report.Replayed, report.Changed, report.Failed, report.Skipped));
        Assert.Equal(expected, report.Examples.Select(e => e.InstanceId).ToHashSet());
        Assert.All(report.Examples, e =>
        {
            Assert.Equal(("managerApproval", "approved", 1), (e.Step, e.Outcome, e.OldRuleSetVersion));
            Assert.Equal(("payment", "financeReview"), (e.OldTarget, e.NewTarget));
            Assert.Contains("other-claims-go-to-payment", e.OldRules);
            Assert.Contains("large-claims-go-to-finance", e.NewRules);
            Assert.DoesNotContain("other-claims-go-to-payment", e.NewRules);
        });
        Assert.Equal(0, report.RuleSetVersion);
    }

    [Fact]
    public async Task ACandidateIdenticalToTheLiveVersionChangesNothing()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        await RecordHistoryAsync(ops);

        var report = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing", RuleSetVersion: 1));

        Assert.Equal((History.Length * 2, 0, 0), (report.Replayed, report.Changed, report.Failed));
        Assert.Empty(report.Examples);
    }

    [Fact]
    public async Task AWindowOfTheLastDecisionsOrATimeRangeReplaysOnlyThose()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var start = h.Clock.GetUtcNow();
        await RecordHistoryAsync(ops);

        var last = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing", RuleSetJson: Lowered(500), Last: 4));
        var range = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing", RuleSetJson: Lowered(500), From: start.AddMinutes(10), To: start.AddMinutes(20)));

        // The newest four decisions are the last two claims' (2,500 and 700): only the 700 approval changes.
        Assert.Equal((4, 1), (last.Replayed, last.Changed));

        // Claims 3 and 4 (600 approved, 800 rejected) were decided in [10, 20) minutes: only the 600 approval changes.
        Assert.Equal((4, 1), (range.Replayed, range.Changed));
    }

    [Fact]
    public async Task ACandidateThatReadsTheClockDecidesOnTheDayEachDecisionWasMadeNotOnToday()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var days = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            days.Add(h.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await ops.ApprovedClaimAsync(300);
            h.Clock.Advance(TimeSpan.FromDays(1));
        }

        // A rule that sends approvals decided before 4 March to Finance: only the recorded clock can tell which those were.
        var candidate = OperationsHarness.SeedFile("expense-approval", "expense-routing.ruleset.json").Replace(
            "\"rules\": [",
            "\"rules\": [ { \"name\": \"early-approvals-to-finance\", \"salience\": 200, \"steps\": [ \"managerApproval\" ], \"when\": [ { \"expression\": \"today() < '2026-03-04'\" } ], \"then\": [ { \"type\": \"goTo\", \"step\": \"financeReview\" } ] },",
            StringComparison.Ordinal);

        var first = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing", RuleSetJson: candidate));
        h.Clock.Advance(TimeSpan.FromDays(300));
        var later = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing", RuleSetJson: candidate));

        Assert.True(first.Succeeded, string.Join("; ", first.Problems));
        Assert.Equal(days.Count(d => string.CompareOrdinal(d, "2026-03-04") < 0), first.Changed);
        Assert.Equal(2, first.Changed);
        Assert.All(first.Examples, e => Assert.True(e.DecidedAt < new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(first.Examples.Select(e => e.Sequence), later.Examples.Select(e => e.Sequence));
    }

    [Fact]
    public async Task ACandidateWithABrokenExpressionReportsTheErrorInsteadOfReplaying()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        await RecordHistoryAsync(ops);
        var broken = OperationsHarness.SeedFile("expense-approval", "expense-routing.ruleset.json")
            .Replace("max(lines, 'amount') > 5000", "max(lines, 'amount') >", StringComparison.Ordinal);

        var report = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing", RuleSetJson: broken));

        Assert.False(report.Succeeded);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("$.rules[4]", problem.Path);
        Assert.Contains("single-line-over-policy-limit", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, report.Replayed);
    }

    [Fact]
    public async Task ACandidateWhoseExpressionFailsAtRunTimeCountsEachFailedDecisionWithItsError()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        await RecordHistoryAsync(ops);
        var failing = OperationsHarness.SeedFile("expense-approval", "expense-routing.ruleset.json")
            .Replace("max(lines, 'amount') > 5000", "lines[7].amount > 5000", StringComparison.Ordinal);

        var report = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing", RuleSetJson: failing));

        // The rules engine tests a condition on the data alone once per data fact, before it joins the step filter,
        // so every decision fails, as each would live (with RULE_FAILED): the dry run says so before the publish does.
        Assert.True(report.Succeeded);
        Assert.Equal((History.Length * 2, History.Length * 2, 0), (report.Replayed, report.Failed, report.Changed));
        Assert.Equal(History.Length * 2, report.Examples.Length);
        Assert.All(report.Examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Error)));
    }

    [Fact]
    public async Task AnUnknownProcessAWrongRuleSetAndABadWindowAreProblemsNotExceptions()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);

        var unknown = await ops.DryRun.RunAsync(new DryRunRequest("no-such-process", "expense-routing"));
        var wrong = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "it-access-rules", RuleSetVersion: 1));
        var window = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing", Last: 0));
        var noDraft = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing"));

        Assert.Equal("dryRun.processNotFound", Assert.Single(unknown.Problems).Code);
        Assert.Equal("dryRun.ruleSetMismatch", Assert.Single(wrong.Problems).Code);
        Assert.Equal("dryRun.window", Assert.Single(window.Problems).Code);
        Assert.Equal("dryRun.candidateNotFound", Assert.Single(noDraft.Problems).Code);
    }

    [Fact]
    public async Task ADryRunOfARuleSetNoPublishedProcessRoutesWith_ReplaysNothingAndNamesTheDraftItRan()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var draft = await h.Database.Store.SaveDraftAsync(DefinitionKind.RuleSet, """{ "key": "fresh-rules", "name": "Fresh", "rules": [] }""", null, "admin");
        Assert.True(draft.Succeeded, draft.Error?.Message);

        var report = await ops.DryRun.RunAsync(new DryRunRequest("process-in-the-making", "fresh-rules"));

        Assert.True(report.Succeeded, string.Join("; ", report.Problems));
        Assert.Equal((0, 0, 0), (report.RuleSetVersion, report.Replayed, report.Changed));
        Assert.Equal(draft.Value!.ETag, report.CandidateETag);
    }

    internal static string Lowered(int threshold) => OperationsHarness.SeedFile("expense-approval", "expense-routing.ruleset.json")
        .Replace("\"op\": \">\", \"value\": 1000", $"\"op\": \">\", \"value\": {threshold}", StringComparison.Ordinal)
        .Replace("\"op\": \"<=\", \"value\": 1000", $"\"op\": \"<=\", \"value\": {threshold}", StringComparison.Ordinal);

    private static async Task<List<string>> RecordHistoryAsync(OperationsHarness ops)
    {
        var ids = new List<string>();
        foreach (var (amount, outcome) in History)
        {
            ids.Add(await ops.ApprovedClaimAsync(amount, outcome));
            ops.Runtime.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        return ids;
    }
}

public sealed class DryRunTestsOnSqlite() : DryRunTests(DatabaseProvider.Sqlite);

public sealed class DryRunTestsOnPostgreSQL() : DryRunTests(DatabaseProvider.PostgreSQL);
