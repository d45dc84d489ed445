using LowCode.Engine.Storage;

namespace LowCode.Engine.Tests.Processes;

public abstract class LiveRuleEditTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AWaitingInstanceRoutesByTheRuleSetRepublishedWhileItWaitedAndTheDecisionSaysWhichVersion()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (id, waiting) = await ClaimOf800WaitingForTheManagerAsync(h);
        Assert.Equal(1, (await h.Runtime.DecisionsAsync(id))[^1].RuleSetVersion);

        Assert.Equal(2, await Definitions.PublishRuleSetAsync(h, Lowered()));

        await h.CompleteAsync(waiting, RuntimeHarness.Manager, Claims.Review(), "approved");

        Assert.Equal("financeReview", (await h.OpenTaskAsync(id, "financeReview")).StepKey);
        var decision = (await h.Runtime.DecisionsAsync(id))[^1];
        Assert.Equal(("expense-routing", 2), (decision.RuleSetKey, decision.RuleSetVersion));
        Assert.Equal("large-claims-go-to-finance", decision.RoutedBy);
    }

    [Fact]
    public async Task ARuleSetPublishedAfterTheDecisionButBeforeTheCommit_RefusesThatCommit_AndTheStepIsDecidedAgainOnTheNewVersion()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (id, waiting) = await ClaimOf800WaitingForTheManagerAsync(h);
        var publishes = 0;
        var node = h.CreateRuntime(new Engine.Processes.RuntimeHooks
        {
            // The completion has decided on version 1 (800 is under its threshold: payment); an admin publishes
            // version 2 (threshold 500) before the completion commits.
            BeforeCommitAsync = async (_, _) =>
            {
                if (Interlocked.Increment(ref publishes) == 1)
                {
                    Assert.Equal(2, await Definitions.PublishRuleSetAsync(h, Lowered()));
                }
            },
        });

        var completed = await node.CompleteTaskAsync(waiting.Id, Claims.Review(), "approved", null, RuntimeHarness.Manager);

        Assert.True(completed.Succeeded, completed.Error?.Message);
        Assert.Equal(2, publishes);
        var decision = (await h.Runtime.DecisionsAsync(id))[^1];
        Assert.Equal(("expense-routing", 2, "financeReview"), (decision.RuleSetKey, decision.RuleSetVersion, decision.Target));
        Assert.Single(await h.Runtime.TimelineAsync(id), e => e.Type == Engine.Events.EventTypes.TaskCompleted && e.TaskId == waiting.Id);
    }

    [Fact]
    public async Task RetiringTheLatestVersionRoutesByTheOneBeforeIt()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (id, waiting) = await ClaimOf800WaitingForTheManagerAsync(h);
        await Definitions.PublishRuleSetAsync(h, Lowered());
        var retired = await h.Database.Store.RetireAsync(Engine.Metadata.DefinitionKind.RuleSet, "expense-routing", 2, "admin");
        Assert.True(retired.Succeeded, retired.Error?.Message);

        await h.CompleteAsync(waiting, RuntimeHarness.Manager, Claims.Review(), "approved");

        var decision = (await h.Runtime.DecisionsAsync(id))[^1];
        Assert.Equal((1, "payment"), (decision.RuleSetVersion, decision.Target));
    }

    /// <summary>A claim of 800: under version 1's threshold (1,000, so payment), over the lowered one's (500, so finance).</summary>
    private static async Task<(string Id, Engine.Tasks.WorkTask Waiting)> ClaimOf800WaitingForTheManagerAsync(RuntimeHarness h)
    {
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        var receipt = await h.UploadAsync(submit.Id, RuntimeHarness.Employee, "receipts");
        await h.CompleteAsync(submit, RuntimeHarness.Employee, Claims.Expense(800, receipt: receipt));
        return (id, await h.OpenTaskAsync(id, "managerApproval"));
    }

    private static string Lowered() => File.ReadAllText(Seed.RepositoryRoot.Combine("seed", "expense-approval", "expense-routing.ruleset.json"))
        .Replace("\"op\": \">\", \"value\": 1000", "\"op\": \">\", \"value\": 500", StringComparison.Ordinal)
        .Replace("\"op\": \"<=\", \"value\": 1000", "\"op\": \"<=\", \"value\": 500", StringComparison.Ordinal);
}

public sealed class LiveRuleEditTestsOnSqlite() : LiveRuleEditTests(DatabaseProvider.Sqlite);

public sealed class LiveRuleEditTestsOnPostgreSQL() : LiveRuleEditTests(DatabaseProvider.PostgreSQL);
