using LowCode.Rules.Builders;
using LowCode.Rules.Diagnostics;
using LowCode.Rules.Runtime;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class HaltScenario
{
    [Fact]
    public void Fire_WhenARuleHalts_StopsAndLeavesTheRestOnTheAgendaForTheNextFire()
    {
        var rules = new RuleSetBuilder("halt")
            .Rule("Stop here", r => r.Salience(10).Match("o", "Order").Emit("first").Halt())
            .Rule("Later", r => r.Match("o", "Order").Emit("second"))
            .Compile();
        var session = rules.CreateSession(new SessionOptions { Trace = true });
        session.Insert(TestFacts.Make("Order"));

        var firstFire = session.Fire();
        var pendingAfterHalt = session.PendingActivations;
        var secondFire = session.Fire();

        Assert.Equal(1, firstFire);
        Assert.Equal(1, pendingAfterHalt);
        Assert.Equal(1, secondFire);
        Assert.Equal(["first", "second"], session.Outputs.Select(o => o.Name));
        Assert.Contains(session.Trace!.Entries, e => e.Kind == TraceEventKind.Halted && e.Rule == "Stop here");
    }

    [Fact]
    public void Fire_WithMaxRules_FiresAtMostThatMany()
    {
        var rules = new RuleSetBuilder("limit").Rule("Each", r => r.Match("o", "Order").Emit("x")).Compile();
        var session = rules.CreateSession();
        session.InsertAll([TestFacts.Make("Order"), TestFacts.Make("Order"), TestFacts.Make("Order")]);

        Assert.Equal(2, session.Fire(2));
        Assert.Equal(1, session.PendingActivations);
    }
}
