using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class ExistsScenario
{
    [Fact]
    public void Fire_WithSeveralMatchingFacts_FiresOncePerLeftMatch()
    {
        var rules = new RuleSetBuilder("exists")
            .Rule("Customer with an overdue invoice", r => r
                .Match("c", "Customer")
                .Exists("Invoice", w => w.Where("customerId", "==", Operand.Ref("c.id")).Where("overdue", "==", true))
                .Emit("chase", ("id", Operand.Ref("c.id"))))
            .Compile();
        var session = rules.CreateSession();

        session.InsertAll([
            TestFacts.Make("Customer", ("id", 1)),
            TestFacts.Make("Customer", ("id", 2)),
            TestFacts.Make("Invoice", ("customerId", 1), ("overdue", true)),
            TestFacts.Make("Invoice", ("customerId", 1), ("overdue", true)),
            TestFacts.Make("Invoice", ("customerId", 2), ("overdue", false)),
        ]);
        session.Fire();

        Assert.Equal([1L], session.Outputs.Select(o => o.Arguments["id"]));
    }

    [Fact]
    public void Retract_OfTheLastMatchingFact_CancelsTheActivation()
    {
        var rules = new RuleSetBuilder("exists")
            .Rule("Any alert", r => r.Exists("Alert").Emit("page"))
            .Compile();
        var session = rules.CreateSession();
        var first = TestFacts.Make("Alert");
        var second = TestFacts.Make("Alert");
        session.InsertAll([first, second]);

        session.Retract(first);
        Assert.Equal(1, session.PendingActivations);
        session.Retract(second);

        Assert.Equal(0, session.PendingActivations);
    }
}
