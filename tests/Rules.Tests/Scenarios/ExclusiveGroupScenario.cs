using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class ExclusiveGroupScenario
{
    [Fact]
    public void Fire_WithSeveralMatchingRoutes_OnlyTheHighestSalienceRouteFires()
    {
        var rules = new RuleSetBuilder("routing")
            .Rule("Default route", r => r.Exclusive("route").Salience(0).Match("o", "Order").Emit("goTo", ("step", "clerk")))
            .Rule("Big to finance", r => r.Exclusive("route").Salience(10).Match("o", "Order", w => w.Where("amount", ">", 1000)).Emit("goTo", ("step", "finance")))
            .Rule("Huge to board", r => r.Exclusive("route").Salience(20).Match("o", "Order", w => w.Where("amount", ">", 100000)).Emit("goTo", ("step", "board")))
            .Rule("Audit", r => r.Match("o", "Order").Emit("audit"))
            .Compile();
        var session = rules.CreateSession(new LowCode.Rules.Runtime.SessionOptions { Trace = true });

        session.Insert(TestFacts.Make("Order", ("amount", 5000)));
        session.Fire();

        Assert.Equal(["finance"], session.Outputs.Where(o => o.Name == "goTo").Select(o => o.Arguments["step"]));
        Assert.Contains(session.Outputs, o => o.Name == "audit");
        var lost = Assert.Single(session.Trace!.Entries, e => e.Kind == LowCode.Rules.Diagnostics.TraceEventKind.LostToExclusiveGroup);
        Assert.Equal("Default route", lost.Rule);
        Assert.Contains("Big to finance", lost.Detail, StringComparison.Ordinal);
        Assert.Contains("salience 10 > 0", lost.Detail, StringComparison.Ordinal);
    }
}
