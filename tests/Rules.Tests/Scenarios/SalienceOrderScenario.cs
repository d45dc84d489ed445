using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class SalienceOrderScenario
{
    [Fact]
    public void Fire_OrdersBySalienceThenRecencyThenRuleOrder()
    {
        var order = new List<string>();
        var rules = new RuleSetBuilder("salience")
            .Rule("low", r => r.Salience(1).Match("f", "F").Do("log", ctx => order.Add($"low:{ctx.Get("f")["n"]}")))
            .Rule("high", r => r.Salience(5).Match("f", "F").Do("log", ctx => order.Add($"high:{ctx.Get("f")["n"]}")))
            .Rule("low-twin", r => r.Salience(1).Match("f", "F").Do("log", ctx => order.Add($"twin:{ctx.Get("f")["n"]}")))
            .Compile();
        var session = rules.CreateSession();

        session.Insert(TestFacts.Make("F", ("n", 1)));
        session.Insert(TestFacts.Make("F", ("n", 2)));
        session.Fire();

        Assert.Equal(["high:2", "high:1", "low:2", "twin:2", "low:1", "twin:1"], order);
    }
}
