using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class ThreeFactJoinScenario
{
    [Fact]
    public void Fire_WithThreeChainedPatterns_MatchesEveryConsistentTriple()
    {
        var rules = new RuleSetBuilder("three")
            .Rule("Line of an order of a customer", r => r
                .Match("c", "Customer")
                .Match("o", "Order", w => w.Where("customerId", "==", Operand.Ref("c.id")))
                .Match("l", "Line", w => w.Where("orderId", "==", Operand.Ref("o.id")).Where("sku", "startsWith", Operand.Ref("c.prefix")))
                .Emit("hit", ("line", Operand.Ref("l.id"))))
            .Compile();
        var session = rules.CreateSession();

        session.InsertAll([
            TestFacts.Make("Line", ("id", "l1"), ("orderId", 10), ("sku", "A-1")),
            TestFacts.Make("Line", ("id", "l2"), ("orderId", 10), ("sku", "B-1")),
            TestFacts.Make("Line", ("id", "l3"), ("orderId", 11), ("sku", "B-2")),
            TestFacts.Make("Order", ("id", 10), ("customerId", 1)),
            TestFacts.Make("Order", ("id", 11), ("customerId", 2)),
            TestFacts.Make("Customer", ("id", 1), ("prefix", "A")),
            TestFacts.Make("Customer", ("id", 2), ("prefix", "B")),
        ]);
        session.Fire();

        Assert.Equal(["l1", "l3"], session.Outputs.Select(o => (string)o.Arguments["line"]!).Order());
    }

    [Fact]
    public void Retract_OfTheMiddleFact_RemovesOnlyTriplesThroughIt()
    {
        var rules = new RuleSetBuilder("three")
            .Rule("Triple", r => r
                .Match("c", "Customer")
                .Match("o", "Order", w => w.Where("customerId", "==", Operand.Ref("c.id")))
                .Match("l", "Line", w => w.Where("orderId", "==", Operand.Ref("o.id")))
                .Emit("hit"))
            .Compile();
        var session = rules.CreateSession();
        var order10 = TestFacts.Make("Order", ("id", 10), ("customerId", 1));
        session.InsertAll([
            TestFacts.Make("Customer", ("id", 1)),
            order10,
            TestFacts.Make("Order", ("id", 11), ("customerId", 1)),
            TestFacts.Make("Line", ("orderId", 10)),
            TestFacts.Make("Line", ("orderId", 11)),
        ]);

        session.Retract(order10);

        Assert.Equal(1, session.Fire());
    }
}
