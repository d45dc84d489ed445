using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class UpdateReevaluationScenario
{
    [Fact]
    public void Update_ThatBreaksTheMatch_CancelsAndUpdateThatChangesAMatchedFact_FiresAgain()
    {
        var rules = new RuleSetBuilder("update")
            .Rule("Big", r => r.Match("o", "Order", w => w.Where("amount", ">", 100)).Emit("big", ("amount", Operand.Ref("o.amount"))))
            .Compile();
        var session = rules.CreateSession();
        var order = TestFacts.Make("Order", ("amount", 500));
        session.Insert(order);

        order.Set("amount", 50);
        session.Update(order);
        Assert.Equal(0, session.Fire());

        order.Set("amount", 700);
        session.Update(order);
        session.Fire();
        order.Set("amount", 800);
        session.Update(order);
        session.Fire();

        Assert.Equal([700L, 800L], session.Outputs.Select(o => o.Arguments["amount"]));
    }

    [Fact]
    public void Update_OfAJoinKey_MovesTheFactToItsNewPartner()
    {
        var rules = new RuleSetBuilder("rejoin")
            .Rule("Pair", r => r.Match("c", "Customer").Match("o", "Order", w => w.Where("customerId", "==", Operand.Ref("c.id")))
                .Emit("pair", ("c", Operand.Ref("c.id"))))
            .Compile();
        var session = rules.CreateSession();
        var order = TestFacts.Make("Order", ("customerId", 1));
        session.InsertAll([TestFacts.Make("Customer", ("id", 1)), TestFacts.Make("Customer", ("id", 2)), order]);

        order.Set("customerId", 2);
        session.Update(order);
        session.Fire();

        Assert.Equal([2L], session.Outputs.Select(o => o.Arguments["c"]));
    }
}
