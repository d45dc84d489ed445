using LowCode.Rules.Builders;
using LowCode.Rules.Diagnostics;
using LowCode.Rules.Runtime;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class FilteredActivationTraceScenario
{
    [Fact]
    public void Trace_ForAFilteredActivation_NamesTheFilterTheRuleAndTheFacts()
    {
        var rules = new RuleSetBuilder("trace-filters", version: 4)
            .Rule("Route", r => r.Salience(3).Tags("routing").Match("o", "Order").Emit("route"))
            .Rule("Audit", r => r.Salience(7).Tags("audit").Match("o", "Order").Emit("audit"))
            .Compile();
        var session = rules.CreateSession(new SessionOptions { Trace = true, AgendaFilters = [AgendaFilters.WithTags("routing")] });
        session.Insert(TestFacts.MakeWithId("Order", "order-7"));

        session.Fire();

        var trace = session.Trace!;
        var filtered = Assert.Single(trace.Entries, e => e.Kind == TraceEventKind.Filtered);
        Assert.Equal("Audit", filtered.Rule);
        Assert.Equal(7, filtered.Salience);
        Assert.Equal("tags(routing)", filtered.Filter);
        Assert.Equal("agenda filter 'tags(routing)' rejected it", filtered.Detail);
        var fact = Assert.Single(filtered.Facts);
        Assert.Equal(("o", "Order", "order-7"), (fact.Variable, fact.Type, fact.Id));
        Assert.DoesNotContain(trace.Entries, e => e.Rule == "Audit" && e.Kind != TraceEventKind.Filtered);
        Assert.Equal(["Audit"], trace.FilteredRules);
        Assert.Equal(["Route"], trace.FiredRules);
    }

    [Fact]
    public void Trace_WithAFilteredEntry_RoundTripsThroughJsonAndOmitsTheFilterElsewhere()
    {
        var rules = new RuleSetBuilder("trace-filters")
            .Rule("Route", r => r.Match("o", "Order").Filter("never on Sundays", _ => false).Emit("route"))
            .Rule("Audit", r => r.Match("o", "Order").Emit("audit"))
            .Compile();
        var session = rules.CreateSession(new SessionOptions { Trace = true });
        session.Insert(TestFacts.Make("Order"));
        session.Fire();

        var json = session.Trace!.ToJson();
        var copy = DecisionTrace.FromJson(json);

        Assert.Equal("never on Sundays", Assert.Single(copy.Entries, e => e.Kind == TraceEventKind.Filtered).Filter);
        Assert.Contains("\"kind\":\"Filtered\"", json, StringComparison.Ordinal);
        Assert.Equal(1, json.Split("\"filter\":").Length - 1);
    }
}
