using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class NotScenario
{
    private static LowCode.Rules.Compilation.CompiledRuleSet Rules() => new RuleSetBuilder("not")
        .Rule("Unpaid order", r => r
            .Match("o", "Order")
            .Not("Payment", w => w.Where("orderId", "==", Operand.Ref("o.id")))
            .Emit("remind", ("id", Operand.Ref("o.id"))))
        .Compile();

    [Fact]
    public void Fire_WithAndWithoutMatchingNegatedFact_FiresOnlyForTheOrderWithoutPayment()
    {
        var session = Rules().CreateSession();

        session.InsertAll([
            TestFacts.Make("Order", ("id", 1)),
            TestFacts.Make("Order", ("id", 2)),
            TestFacts.Make("Payment", ("orderId", 2)),
        ]);
        session.Fire();

        Assert.Equal([1L], session.Outputs.Select(o => o.Arguments["id"]));
    }

    [Fact]
    public void Retract_OfTheBlockingFact_ReactivatesTheRule()
    {
        var session = Rules().CreateSession();
        var payment = TestFacts.Make("Payment", ("orderId", 1));
        session.InsertAll([TestFacts.Make("Order", ("id", 1)), payment]);
        Assert.Equal(0, session.Fire());

        session.Retract(payment);

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Fire_WithRuleOpeningWithNot_FiresOnAnEmptySessionAndStopsOnceAFactArrives()
    {
        var rules = new RuleSetBuilder("empty")
            .Rule("No orders at all", r => r.Not("Order").Emit("idle"))
            .Compile();

        var empty = rules.CreateSession();
        var busy = rules.CreateSession();
        busy.Insert(TestFacts.Make("Order"));

        Assert.Equal(1, empty.Fire());
        Assert.Equal(0, busy.Fire());
    }
}
