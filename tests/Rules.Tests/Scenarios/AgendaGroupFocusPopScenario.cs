using LowCode.Rules.Builders;
using LowCode.Rules.Compilation;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class AgendaGroupFocusPopScenario
{
    private static readonly CompiledRuleSet Rules = new RuleSetBuilder("focus-pop")
        .Rule("Check", r => r.AgendaGroup("checks").Match("o", "Order").Emit("check"))
        .Rule("Late check", r => r.AgendaGroup("checks").Match("f", "Flag").Emit("late check"))
        .Rule("Main", r => r.Match("o", "Order").Emit("main"))
        .Compile();

    [Fact]
    public void Fire_WhenTheFocusedGroupRunsDry_PopsTheFocusBackToMain()
    {
        var session = Rules.CreateSession();
        session.Insert(TestFacts.Make("Order"));
        session.SetFocus("checks");

        session.Fire();

        Assert.Equal(["check", "main"], session.Outputs.Select(o => o.Name));
        Assert.Equal("MAIN", session.Focus);
        Assert.Equal(["MAIN"], session.FocusStack);
    }

    [Fact]
    public void Fire_AfterThePop_LeavesNewActivationsOfThePoppedGroupPendingUntilFocusedAgain()
    {
        var session = Rules.CreateSession();
        session.Insert(TestFacts.Make("Order"));
        session.SetFocus("checks");
        session.Fire();

        session.Insert(TestFacts.Make("Flag"));
        var firedWithoutFocus = session.Fire();
        session.SetFocus("checks");
        var firedWithFocus = session.Fire();

        Assert.Equal(0, firedWithoutFocus);
        Assert.Equal(1, firedWithFocus);
        Assert.Equal(["check", "main", "late check"], session.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void Fire_WithMaxRules_KeepsTheFocusOnAGroupThatStillHasActivations()
    {
        var session = Rules.CreateSession();
        session.InsertAll([TestFacts.Make("Order"), TestFacts.Make("Order")]);
        session.SetFocus("checks");

        session.Fire(1);

        Assert.Equal("checks", session.Focus);
        Assert.Equal(3, session.PendingActivations);
    }
}
