using LowCode.Rules.Builders;
using LowCode.Rules.Diagnostics;
using LowCode.Rules.Model;
using LowCode.Rules.Runtime;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Diagnostics;

public sealed class DecisionTraceTests
{
    [Fact]
    public void Trace_RecordsMatchesFiringsCancellationsAndLossesWithTheirFacts()
    {
        var rules = new RuleSetBuilder("routing", version: 4)
            .Rule("To finance", r => r.Exclusive("route").Salience(10).Match("o", "Order", w => w.Where("amount", ">", 100)).Emit("goTo", ("step", "finance")))
            .Rule("To clerk", r => r.Exclusive("route").Match("o", "Order").Emit("goTo", ("step", "clerk")))
            .Rule("Hold", r => r.Match("o", "Order").Match("h", "Hold", w => w.Where("orderId", "==", Operand.Ref("o.id"))).Emit("hold"))
            .Compile();
        var session = rules.CreateSession(new SessionOptions { Trace = true });
        var hold = TestFacts.MakeWithId("Hold", "h-1", ("orderId", 1));
        session.Insert(TestFacts.MakeWithId("Order", "o-1", ("id", 1), ("amount", 500)));
        session.Insert(hold);
        session.Retract(hold);

        session.Fire();

        var trace = session.Trace!;
        Assert.Equal("routing", trace.RuleSet);
        Assert.Equal(4, trace.Version);
        Assert.Equal(["To finance"], trace.FiredRules);
        var holdMatched = Assert.Single(trace.Entries, e => e.Kind == TraceEventKind.Matched && e.Rule == "Hold");
        Assert.Equal(["o", "h"], holdMatched.Facts.Select(f => f.Variable));
        Assert.Equal(["o-1", "h-1"], holdMatched.Facts.Select(f => f.Id));
        Assert.Contains(trace.Entries, e => e.Kind == TraceEventKind.Cancelled && e.Rule == "Hold");
        Assert.Contains(trace.Entries, e => e.Kind == TraceEventKind.LostToExclusiveGroup && e.Rule == "To clerk");
        Assert.Equal(Enumerable.Range(0, trace.Entries.Count), trace.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public void ToJson_RoundTripsEveryEntry()
    {
        var rules = new RuleSetBuilder("r")
            .Rule("Total", r => r.Aggregate("t", AggregateKind.Sum, "Line", path: "amount").Emit("t"))
            .Compile();
        var session = rules.CreateSession(new SessionOptions { Trace = true });
        session.Insert(TestFacts.Make("Line", ("amount", 5)));
        session.Fire();

        var json = session.Trace!.ToJson();
        var back = DecisionTrace.FromJson(json);

        Assert.Contains("\"kind\":\"Fired\"", json, StringComparison.Ordinal);
        Assert.Equal(session.Trace.Entries.Count, back.Entries.Count);
        Assert.Equal(session.Trace.Entries.Select(e => (e.Kind, e.Rule, e.Detail)), back.Entries.Select(e => (e.Kind, e.Rule, e.Detail)));
        Assert.Equal("5", back.Entries.Last(e => e.Kind == TraceEventKind.Fired).Facts[0].Value);
    }

    [Fact]
    public void Session_WithoutTraceOption_HasNoTrace() =>
        Assert.Null(new RuleSetBuilder("r").Rule("x", r => r.Match("a", "A")).Compile().CreateSession().Trace);
}
