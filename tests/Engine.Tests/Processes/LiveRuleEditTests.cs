using LowCode.Engine.Storage;

namespace LowCode.Engine.Tests.Processes;

public abstract class LiveRuleEditTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AWaitingInstanceRoutesByTheRuleSetRepublishedWhileItWaitedAndTheDecisionSaysWhichVersion()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        var receipt = await h.UploadAsync(submit.Id, RuntimeHarness.Employee, "receipts");
        await h.CompleteAsync(submit, RuntimeHarness.Employee, Claims.Expense(800, receipt: receipt));
        var waiting = await h.OpenTaskAsync(id, "managerApproval");
        Assert.Equal(1, (await h.Runtime.DecisionsAsync(id))[^1].RuleSetVersion);

        var lowered = File.ReadAllText(Seed.RepositoryRoot.Combine("seed", "expense-approval", "expense-routing.ruleset.json"))
            .Replace("\"op\": \">\", \"value\": 1000", "\"op\": \">\", \"value\": 500", StringComparison.Ordinal)
            .Replace("\"op\": \"<=\", \"value\": 1000", "\"op\": \"<=\", \"value\": 500", StringComparison.Ordinal);
        Assert.Equal(2, await Definitions.PublishRuleSetAsync(h, lowered));

        await h.CompleteAsync(waiting, RuntimeHarness.Manager, Claims.Review(), "approved");

        Assert.Equal("financeReview", (await h.OpenTaskAsync(id, "financeReview")).StepKey);
        var decision = (await h.Runtime.DecisionsAsync(id))[^1];
        Assert.Equal(("expense-routing", 2), (decision.RuleSetKey, decision.RuleSetVersion));
        Assert.Equal("large-claims-go-to-finance", decision.RoutedBy);
    }

    [Fact]
    public async Task RetiringTheLatestVersionRoutesByTheOneBeforeIt()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        var receipt = await h.UploadAsync(submit.Id, RuntimeHarness.Employee, "receipts");
        await h.CompleteAsync(submit, RuntimeHarness.Employee, Claims.Expense(800, receipt: receipt));
        var lowered = File.ReadAllText(Seed.RepositoryRoot.Combine("seed", "expense-approval", "expense-routing.ruleset.json"))
            .Replace("\"op\": \">\", \"value\": 1000", "\"op\": \">\", \"value\": 500", StringComparison.Ordinal)
            .Replace("\"op\": \"<=\", \"value\": 1000", "\"op\": \"<=\", \"value\": 500", StringComparison.Ordinal);
        await Definitions.PublishRuleSetAsync(h, lowered);
        var retired = await h.Database.Store.RetireAsync(Engine.Metadata.DefinitionKind.RuleSet, "expense-routing", 2, "admin");
        Assert.True(retired.Succeeded, retired.Error?.Message);

        await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.Review(), "approved");

        var decision = (await h.Runtime.DecisionsAsync(id))[^1];
        Assert.Equal((1, "payment"), (decision.RuleSetVersion, decision.Target));
    }
}

public sealed class LiveRuleEditTestsOnSqlite() : LiveRuleEditTests(DatabaseProvider.Sqlite);

public sealed class LiveRuleEditTestsOnPostgreSQL() : LiveRuleEditTests(DatabaseProvider.PostgreSQL);
