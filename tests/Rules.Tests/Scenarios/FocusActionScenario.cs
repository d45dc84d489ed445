using LowCode.Rules.Builders;
using LowCode.Rules.Compilation;
using LowCode.Rules.Errors;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class FocusActionScenario
{
    [Fact]
    public void Fire_WhenAnActionSetsFocus_TheGroupFiresBeforeTheRestOfMain()
    {
        var rules = new RuleSetBuilder("focus-action")
            .Rule("Start", r => r.Salience(10).Match("o", "Order").Emit("start").Focus("approval"))
            .Rule("Finish", r => r.Match("o", "Order").Emit("finish"))
            .Rule("Approve", r => r.AgendaGroup("approval").Match("o", "Order", w => w.Where("amount", ">", 100)).Emit("approve"))
            .Rule("Escalate", r => r.AgendaGroup("approval").Salience(5).Match("o", "Order", w => w.Where("amount", ">", 1000)).Emit("escalate"))
            .Compile();
        var session = rules.CreateSession();
        session.Insert(TestFacts.Make("Order", ("amount", 5000)));

        session.Fire();

        Assert.Equal(["start", "escalate", "approve", "finish"], session.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void Fire_WhenHostCodeSetsFocus_TheGroupFiresAndItsExclusiveGroupStillPicksOneWinner()
    {
        var rules = new RuleSetBuilder("focus-delegate")
            .Rule("Start", r => r.Match("o", "Order").Do("focus routing", context => context.SetFocus("routing")))
            .Rule("To finance", r => r.AgendaGroup("routing").Exclusive("route").Salience(10).Match("o", "Order").Emit("finance"))
            .Rule("To clerk", r => r.AgendaGroup("routing").Exclusive("route").Match("o", "Order").Emit("clerk"))
            .Compile();
        var session = rules.CreateSession();
        session.Insert(TestFacts.Make("Order"));

        session.Fire();

        Assert.Equal(["finance"], session.Outputs.Select(o => o.Name));
        Assert.Equal(0, session.PendingActivations);
    }

    [Fact]
    public void Compile_WhenAFocusActionNamesAGroupWithoutRules_ReportsTheKnownGroups()
    {
        var definition = new RuleSetBuilder("focus-typo")
            .Rule("Start", r => r.Match("o", "Order").Focus("aproval"))
            .Rule("Approve", r => r.AgendaGroup("approval").Match("o", "Order").Emit("approve"))
            .Build();

        var error = Assert.Throws<RuleCompilationException>(() => RuleSetCompiler.Compile(definition));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("actions[0].group", problem.Location);
        Assert.Contains("'aproval'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("MAIN, approval", problem.Message, StringComparison.Ordinal);
    }
}
