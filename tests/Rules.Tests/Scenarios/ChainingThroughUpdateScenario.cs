using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class ChainingThroughUpdateScenario
{
    [Fact]
    public void Fire_WhenAnActionSetsAField_RulesOnTheNewValueFire()
    {
        var rules = new RuleSetBuilder("states")
            .Rule("new to checked", r => r.Match("o", "Order", w => w.Where("status", "==", "new")).Set("o", "status", "checked"))
            .Rule("checked to approved", r => r.Match("o", "Order", w => w.Where("status", "==", "checked")).Set("o", "status", "approved"))
            .Rule("approved is done", r => r.Match("o", "Order", w => w.Where("status", "==", "approved")).Emit("done"))
            .Compile();
        var session = rules.CreateSession();
        var order = TestFacts.Make("Order", ("status", "new"));

        session.Insert(order);
        var fired = session.Fire();

        Assert.Equal(3, fired);
        Assert.Equal("approved", order["status"]);
        Assert.Single(session.Outputs);
    }
}
