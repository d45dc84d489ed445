using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class RefractionScenario
{
    [Fact]
    public void Fire_AfterANoChangeUpdate_DoesNotFireTheSameActivationAgain()
    {
        var rules = new RuleSetBuilder("refraction")
            .Rule("Flag", r => r.Match("o", "Order", w => w.Where("amount", ">", 10)).Emit("flag"))
            .Compile();
        var session = rules.CreateSession(new LowCode.Rules.Runtime.SessionOptions { Trace = true });
        var order = TestFacts.Make("Order", ("amount", 20));
        session.Insert(order);
        session.Fire();

        session.Update(order);
        var firedAgain = session.Fire();

        Assert.Equal(0, firedAgain);
        Assert.Contains(session.Trace!.Entries, e => e.Kind == LowCode.Rules.Diagnostics.TraceEventKind.Refracted && e.Rule == "Flag");
    }

    [Fact]
    public void Fire_WithoutAnyUpdate_FiresEachActivationOnce()
    {
        var rules = new RuleSetBuilder("refraction")
            .Rule("Flag", r => r.Match("o", "Order").Emit("flag"))
            .Rule("Other", r => r.Match("x", "Other").Emit("other"))
            .Compile();
        var session = rules.CreateSession();
        session.Insert(TestFacts.Make("Order"));
        session.Fire();

        session.Insert(TestFacts.Make("Other"));
        session.Fire();

        Assert.Equal(["flag", "other"], session.Outputs.Select(o => o.Name));
    }
}
