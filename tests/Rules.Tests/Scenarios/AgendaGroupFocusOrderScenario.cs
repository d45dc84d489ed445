using LowCode.Rules.Builders;
using LowCode.Rules.Compilation;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class AgendaGroupFocusOrderScenario
{
    private static readonly CompiledRuleSet Rules = new RuleSetBuilder("focus")
        .Rule("Main", r => r.Salience(100).Match("o", "Order").Emit("main"))
        .Rule("Validate", r => r.AgendaGroup("validation").Match("o", "Order").Emit("validate"))
        .Rule("Price", r => r.AgendaGroup("pricing").Salience(5).Match("o", "Order").Emit("price"))
        .Rule("Discount", r => r.AgendaGroup("pricing").Match("o", "Order").Emit("discount"))
        .Rule("Archive", r => r.AgendaGroup("archive").Match("o", "Order").Emit("archive"))
        .Compile();

    [Fact]
    public void Fire_WithTwoGroupsFocused_FiresTheLastFocusedFirstThenTheOneBelowThenMain()
    {
        var session = Rules.CreateSession();
        session.Insert(TestFacts.Make("Order"));

        session.SetFocus("validation");
        session.SetFocus("pricing");
        session.Fire();

        Assert.Equal(["price", "discount", "validate", "main"], session.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void Fire_WithoutFocus_FiresOnlyTheMainGroupAndLeavesTheOthersPending()
    {
        var session = Rules.CreateSession();
        session.Insert(TestFacts.Make("Order"));

        var fired = session.Fire();

        Assert.Equal(1, fired);
        Assert.Equal(["main"], session.Outputs.Select(o => o.Name));
        Assert.Equal(4, session.PendingActivations);
    }

    [Fact]
    public void SetFocus_OnTheGroupThatHasTheFocus_DoesNotPushItTwice()
    {
        var session = Rules.CreateSession();

        session.SetFocus("pricing");
        session.SetFocus("pricing");

        Assert.Equal(["MAIN", "pricing"], session.FocusStack);
        Assert.Equal("pricing", session.Focus);
        Assert.Equal(["MAIN", "validation", "pricing", "archive"], Rules.AgendaGroups);
    }

    [Fact]
    public void SetFocus_WithAnUnknownGroup_ThrowsNamingTheKnownGroups()
    {
        var session = Rules.CreateSession();

        var error = Assert.Throws<ArgumentException>(() => session.SetFocus("pricng"));

        Assert.Contains("'pricng'", error.Message, StringComparison.Ordinal);
        Assert.Contains("MAIN, validation, pricing, archive", error.Message, StringComparison.Ordinal);
    }
}
