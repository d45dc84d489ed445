using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class ChainingThroughRetractScenario
{
    [Fact]
    public void Fire_WhenAnActionRetractsAFact_PendingActivationsOverItAreCancelledAndNotEnables()
    {
        var rules = new RuleSetBuilder("retract")
            .Rule("Cancel hold", r => r.Salience(10).Match("h", "Hold").Match("c", "Cancel").Retract("h"))
            .Rule("Report held order", r => r.Match("h", "Hold").Emit("held"))
            .Rule("Release when no hold", r => r.Match("o", "Order").Not("Hold").Emit("release"))
            .Compile();
        var session = rules.CreateSession();

        session.InsertAll([TestFacts.Make("Order"), TestFacts.Make("Hold"), TestFacts.Make("Cancel")]);
        session.Fire();

        Assert.Equal(["release"], session.Outputs.Select(o => o.Name));
        Assert.DoesNotContain(session.Facts, f => f.Type == "Hold");
    }
}
