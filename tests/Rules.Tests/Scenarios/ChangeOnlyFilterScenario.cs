using LowCode.Rules.Builders;
using LowCode.Rules.Diagnostics;
using LowCode.Rules.Runtime;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class ChangeOnlyFilterScenario
{
    private static readonly LowCode.Rules.Compilation.CompiledRuleSet Rules = new RuleSetBuilder("change-only")
        .Rule("Status changed", r => r
            .Match("o", "Order")
            .OnChange("o.status")
            .Emit("notify", ("status", LowCode.Rules.Model.Operand.Ref("o.status"))))
        .Compile();

    [Fact]
    public void Update_ThatChangesAnotherField_DoesNotFireAgain()
    {
        var session = Rules.CreateSession(new SessionOptions { Trace = true });
        var order = TestFacts.Make("Order", ("status", "new"), ("amount", 10));
        session.Insert(order);
        session.Fire();

        order.Set("amount", 20);
        session.Update(order);
        var fired = session.Fire();

        Assert.Equal(0, fired);
        var filtered = Assert.Single(session.Trace!.Entries, e => e.Kind == TraceEventKind.Filtered);
        Assert.Equal("onChange(o.status)", filtered.Filter);
    }

    [Fact]
    public void Update_ThatChangesTheKey_FiresAgainWithTheNewValue()
    {
        var session = Rules.CreateSession();
        var order = TestFacts.Make("Order", ("status", "new"), ("amount", 10));
        session.Insert(order);
        session.Fire();
        order.Set("amount", 20);
        session.Update(order);
        session.Fire();

        order.Set("status", "shipped");
        session.Update(order);
        session.Fire();

        Assert.Equal(["new", "shipped"], session.Outputs.Select(o => o.Arguments["status"]));
    }

    [Fact]
    public void Insert_AfterTheFactWasRetracted_FiresAsANewMatch()
    {
        var session = Rules.CreateSession();
        var order = TestFacts.Make("Order", ("status", "new"));
        session.Insert(order);
        session.Fire();

        session.Retract(order);
        session.Insert(order);
        session.Fire();

        Assert.Equal(["new", "new"], session.Outputs.Select(o => o.Arguments["status"]));
    }

    [Fact]
    public void Update_OfOneOfTwoFacts_ComparesKeysPerMatch()
    {
        var session = Rules.CreateSession();
        var first = TestFacts.Make("Order", ("status", "new"));
        var second = TestFacts.Make("Order", ("status", "new"));
        session.InsertAll([first, second]);
        session.Fire();

        second.Set("status", "paid");
        session.Update(second);
        first.Set("note", "unrelated");
        session.Update(first);
        session.Fire();

        Assert.Equal(["new", "new", "paid"], session.Outputs.Select(o => o.Arguments["status"]));
    }
}
