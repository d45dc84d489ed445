using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class MinAggregateScenario
{
    [Fact]
    public void Fire_WithMin_BindsTheSmallestValueAndNullWhenEmpty()
    {
        var rules = new RuleSetBuilder("min")
            .Rule("Cheapest bid", r => r.Aggregate("m", AggregateKind.Min, "Bid", path: "price").Emit("min", ("v", Operand.Ref("m.value"))))
            .Compile();
        var empty = rules.CreateSession();
        var session = rules.CreateSession();
        session.InsertAll([TestFacts.Make("Bid", ("price", 30)), TestFacts.Make("Bid", ("price", 12.5)), TestFacts.Make("Bid", ("price", 40))]);

        empty.Fire();
        session.Fire();

        Assert.Null(Assert.Single(empty.Outputs).Arguments["v"]);
        Assert.Equal(12.5, Assert.Single(session.Outputs).Arguments["v"]);
    }
}
