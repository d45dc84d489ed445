using LowCode.Rules.Builders;
using LowCode.Rules.Diagnostics;
using LowCode.Rules.Runtime;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Diagnostics;

public sealed class FocusTraceTests
{
    [Fact]
    public void Trace_RecordsWhichRuleGaveAGroupTheFocus_AndWhenTheFocusReturned()
    {
        var rules = new RuleSetBuilder("focus-trace")
            .Rule("Start", r => r.Salience(10).Match("o", "Order").Emit("start").Focus("approval"))
            .Rule("Finish", r => r.Match("o", "Order").Emit("finish"))
            .Rule("Approve", r => r.AgendaGroup("approval").Match("o", "Order").Emit("approve"))
            .Compile();
        var session = rules.CreateSession(new SessionOptions { Trace = true });
        session.Insert(TestFacts.Make("Order", ("amount", 5000)));

        session.Fire();

        var story = session.Trace!.Entries
            .Where(e => e.Kind is TraceEventKind.Fired or TraceEventKind.FocusGained or TraceEventKind.FocusReturned)
            .Select(e => $"{e.Kind} {e.Rule} {e.Detail}".Trim())
            .ToList();
        Assert.Equal(
            [
                "Fired Start",
                "FocusGained Start focus MAIN -> approval",
                "Fired Approve",
                "FocusReturned  focus approval -> MAIN: its agenda is empty",
                "Fired Finish",
            ],
            story);
        Assert.Equal(["Start", "Approve", "Finish"], session.Trace.FiredRules);
    }

    [Fact]
    public void Trace_OfFocusSetByTheHost_NamesNoRule_AndSurvivesJson()
    {
        var rules = new RuleSetBuilder("focus-host")
            .Rule("Approve", r => r.AgendaGroup("approval").Match("o", "Order").Emit("approve"))
            .Compile();
        var session = rules.CreateSession(new SessionOptions { Trace = true });

        session.SetFocus("approval");
        session.SetFocus("approval");

        var entry = Assert.Single(DecisionTrace.FromJson(session.Trace!.ToJson()).Entries);
        Assert.Equal((TraceEventKind.FocusGained, string.Empty, "focus MAIN -> approval"), (entry.Kind, entry.Rule, entry.Detail));
    }
}
