using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class ChainingThroughInsertScenario
{
    [Fact]
    public void Fire_WhenAnActionInsertsAFact_TheInsertedFactActivatesTheNextRule()
    {
        var rules = new RuleSetBuilder("chain")
            .Rule("Big order needs approval", r => r
                .Match("o", "Order", w => w.Where("amount", ">", 1000))
                .Insert("Approval", ("orderId", Operand.Ref("o.id")), ("level", "manager")))
            .Rule("Manager approval goes to finance", r => r
                .Match("a", "Approval", w => w.Where("level", "==", "manager"))
                .Emit("goTo", ("step", "finance"), ("order", Operand.Ref("a.orderId"))))
            .Compile();
        var session = rules.CreateSession();

        session.Insert(TestFacts.Make("Order", ("id", 7), ("amount", 5000)));
        var fired = session.Fire();

        Assert.Equal(2, fired);
        var output = Assert.Single(session.Outputs);
        Assert.Equal("finance", output.Arguments["step"]);
        Assert.Equal(7L, output.Arguments["order"]);
        Assert.Contains(session.Facts, f => f.Type == "Approval");
    }
}
