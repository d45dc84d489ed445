using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class CountAggregateScenario
{
    [Fact]
    public void Fire_WithCountOverThreshold_FiresWithTheCountAndTracksChanges()
    {
        var rules = new RuleSetBuilder("count")
            .Rule("Frequent customer", r => r
                .Match("c", "Customer")
                .Aggregate("n", AggregateKind.Count, "Order", source: w => w.Where("customerId", "==", Operand.Ref("c.id")), result: w => w.Where("value", ">=", 2))
                .Emit("loyal", ("customer", Operand.Ref("c.id")), ("orders", Operand.Ref("n.value"))))
            .Compile();
        var session = rules.CreateSession();
        session.Insert(TestFacts.Make("Customer", ("id", 1)));
        session.Insert(TestFacts.Make("Order", ("customerId", 1)));
        Assert.Equal(0, session.Fire());

        session.Insert(TestFacts.Make("Order", ("customerId", 1)));
        session.Insert(TestFacts.Make("Order", ("customerId", 2)));
        session.Fire();

        var output = Assert.Single(session.Outputs);
        Assert.Equal(2L, output.Arguments["orders"]);
    }

    [Fact]
    public void Fire_WithNoMatchingFacts_CountsZero()
    {
        var rules = new RuleSetBuilder("count")
            .Rule("Empty", r => r.Aggregate("n", AggregateKind.Count, "Order").Emit("count", ("n", Operand.Ref("n.value"))))
            .Compile();
        var session = rules.CreateSession();

        session.Fire();

        Assert.Equal(0L, Assert.Single(session.Outputs).Arguments["n"]);
    }
}
