using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class SumAggregateScenario
{
    [Fact]
    public void Fire_WithSumOfLines_ReactsToInsertUpdateAndRetract()
    {
        var totals = new List<object?>();
        var rules = new RuleSetBuilder("sum")
            .Rule("Order total", r => r
                .Match("o", "Order")
                .Aggregate("total", AggregateKind.Sum, "Line", path: "amount", source: w => w.Where("orderId", "==", Operand.Ref("o.id")))
                .Do("record", ctx => totals.Add(ctx.Get("total")["value"])))
            .Compile();
        var session = rules.CreateSession();
        var line = TestFacts.Make("Line", ("orderId", 1), ("amount", 10));
        session.InsertAll([TestFacts.Make("Order", ("id", 1)), line, TestFacts.Make("Line", ("orderId", 1), ("amount", 2.5))]);
        session.Fire();

        line.Set("amount", 20);
        session.Update(line);
        session.Fire();
        session.Retract(line);
        session.Fire();

        Assert.Equal([12.5, 22.5, 2.5], totals);
    }

    [Fact]
    public void Fire_WithOnlyIntegralAmounts_SumsToALong()
    {
        var rules = new RuleSetBuilder("sum")
            .Rule("Total", r => r.Aggregate("t", AggregateKind.Sum, "Line", path: "amount").Emit("t", ("v", Operand.Ref("t.value"))))
            .Compile();
        var session = rules.CreateSession();
        session.InsertAll([TestFacts.Make("Line", ("amount", 1)), TestFacts.Make("Line", ("amount", 2))]);

        session.Fire();

        Assert.Equal(3L, session.Outputs[^1].Arguments["v"]);
    }
}
