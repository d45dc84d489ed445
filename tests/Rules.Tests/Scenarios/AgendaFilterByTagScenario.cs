using LowCode.Rules.Builders;
using LowCode.Rules.Runtime;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class AgendaFilterByTagScenario
{
    private static readonly LowCode.Rules.Compilation.CompiledRuleSet Rules = new RuleSetBuilder("tags")
        .Rule("Route", r => r.Tags("routing").Match("o", "Order").Emit("route"))
        .Rule("Audit", r => r.Tags("audit", "compliance").Match("o", "Order").Emit("audit"))
        .Rule("Notify", r => r.Match("o", "Order").Emit("notify"))
        .Compile();

    [Fact]
    public void Fire_WithATagFilter_FiresOnlyTheRulesCarryingOneOfTheTags()
    {
        var session = Rules.CreateSession(new SessionOptions { AgendaFilters = [AgendaFilters.WithTags("compliance", "routing")] });
        session.Insert(TestFacts.Make("Order"));

        session.Fire();

        Assert.Equal(["audit", "route"], session.Outputs.Select(o => o.Name).Order());
    }

    [Fact]
    public void Fire_WithARuleNameFilter_FiresOnlyTheNamedRules()
    {
        var session = Rules.CreateSession(new SessionOptions { AgendaFilters = [AgendaFilters.WithRuleNames("Notify")] });
        session.Insert(TestFacts.Make("Order"));

        session.Fire();

        Assert.Equal(["notify"], session.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void Fire_WithSeveralSessionFilters_FiresOnlyWhatEveryFilterAccepts()
    {
        var session = Rules.CreateSession(new SessionOptions
        {
            AgendaFilters = [AgendaFilters.WithTags("audit", "routing"), AgendaFilters.WithRuleNames("Audit", "Notify")],
        });
        session.Insert(TestFacts.Make("Order"));

        session.Fire();

        Assert.Equal(["audit"], session.Outputs.Select(o => o.Name));
    }
}
