using LowCode.Engine.Storage;

namespace LowCode.Engine.Tests.Processes;

public abstract class NoRouteTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AnOutcomeNoRuleTransitionOrNextLeadsOnFromRaisesNoRouteOnTheInstance()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(40));
        // Without its routing rules, an approval at managerApproval has nowhere to go: the step names only 'rejected'.
        var routing = File.ReadAllText(Seed.RepositoryRoot.Combine("seed", "expense-approval", "expense-routing.ruleset.json"))
            .Replace("\"goTo\", \"step\": \"financeReview\"", "\"setData\", \"path\": \"size\", \"value\": \"large\"", StringComparison.Ordinal)
            .Replace("\"goTo\", \"step\": \"payment\"", "\"setData\", \"path\": \"size\", \"value\": \"small\"", StringComparison.Ordinal);
        await Definitions.PublishRuleSetAsync(h, routing);

        var result = await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.Review(), "approved");

        Assert.Empty(result.Positions);
        var instance = await h.InstanceAsync(id);
        var noRoute = Assert.Single(instance.Exceptions, e => e.Code == "NO_ROUTE");
        Assert.Equal("managerApproval", noRoute.Step);
        Assert.Contains("'approved'", noRoute.Message, StringComparison.Ordinal);
        var decision = (await h.Runtime.DecisionsAsync(id))[^1];
        Assert.Equal(("none", null, 2), (decision.Source, decision.Target, decision.RuleSetVersion));
        Assert.Contains("other-claims-go-to-payment", decision.FiredRules);
    }
}

public sealed class NoRouteTestsOnSqlite() : NoRouteTests(DatabaseProvider.Sqlite);

public sealed class NoRouteTestsOnPostgreSQL() : NoRouteTests(DatabaseProvider.PostgreSQL);
