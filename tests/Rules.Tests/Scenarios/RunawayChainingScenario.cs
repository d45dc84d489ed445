using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class RunawayChainingScenario
{
    [Fact]
    public void Fire_WithTwoRulesFeedingEachOther_StopsWithAnErrorNamingBoth()
    {
        var rules = new RuleSetBuilder("loop")
            .Rule("Ping", r => r.Match("b", "Ball", w => w.Where("side", "==", "left")).Set("b", "side", "right"))
            .Rule("Pong", r => r.Match("b", "Ball", w => w.Where("side", "==", "right")).Set("b", "side", "left"))
            .Rule("Bystander", r => r.Match("x", "Other").Emit("x"))
            .Compile();
        var session = rules.CreateSession(new LowCode.Rules.Runtime.SessionOptions { MaxFirings = 500 });
        session.Insert(TestFacts.Make("Ball", ("side", "left")));

        var error = Assert.Throws<LowCode.Rules.Errors.RunawayChainingException>(() => session.Fire());

        Assert.Equal(500, error.Limit);
        Assert.Equal(["Ping", "Pong"], error.RuleNames.Order());
        Assert.Contains("'Ping'", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxFirings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_WithARuleThatKeepsChangingItsOwnFact_IsCaught()
    {
        var rules = new RuleSetBuilder("self")
            .Rule("Counter", r => r.Match("c", "Counter", w => w.Where("n", ">=", 0))
                .Do("bump", ctx =>
                {
                    var counter = ctx.Get("c");
                    counter.Set("n", (long)counter["n"]! + 1);
                    ctx.Update(counter);
                }))
            .Compile();
        var session = rules.CreateSession(new LowCode.Rules.Runtime.SessionOptions { MaxFirings = 100 });
        session.Insert(TestFacts.Make("Counter", ("n", 0)));

        var error = Assert.Throws<LowCode.Rules.Errors.RunawayChainingException>(() => session.Fire());

        Assert.Equal(["Counter"], error.RuleNames);
    }
}
