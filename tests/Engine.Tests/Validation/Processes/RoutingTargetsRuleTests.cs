using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Processes;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Processes;

/// <summary>A goTo must name a step of every process that routes with the rule set, checked from both sides.</summary>
public sealed class RoutingTargetsRuleTests
{
    private static readonly ProcessDefinition Expense = Process("""
        [
          { "key": "managerApproval", "type": "approval", "assignee": { "role": "manager" } },
          { "key": "financeReview", "type": "approval", "assignee": { "role": "finance" }, "next": "done" },
          { "key": "done", "type": "end" }
        ]
        """, ruleSet: "routing");

    private static RuleSetDefinition RoutingTo(string step, string fromStep = "managerApproval") =>
        RuleSet($$"""
            [
              { "name": "ok", "steps": [ "{{fromStep}}" ], "then": [ { "type": "goTo", "step": "done" } ] },
              { "name": "large-claims", "steps": [ "{{fromStep}}" ], "then": [ { "type": "goTo", "step": "{{step}}" } ] }
            ]
            """, key: "routing");

    [Fact]
    public void ProcessWhoseRuleSetRoutesToItsOwnSteps_HasNoProblems()
    {
        var problems = RuleRunner.RunCommon(new RoutingTargetsRule(), Expense, Catalog(RoutingTo("financeReview")));

        ProblemAssert.None(problems);
    }

    [Fact]
    public void ProcessSide_RuleRoutingToAStepTheProcessLacks_IsReportedAtRuleSetNamingTheRule()
    {
        var problems = RuleRunner.RunCommon(new RoutingTargetsRule(), Expense, Catalog(RoutingTo("finance")));

        var problem = ProblemAssert.Single(problems, "$.ruleSet", "rule.unknownStep");
        Assert.Contains("'large-claims'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("$.rules[1].then[0].step", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSetSide_RuleRoutingToAStepAProcessLacks_IsReportedAtTheGoToWithADidYouMeanHint()
    {
        var problems = RuleRunner.RunCommon(new RoutingTargetsRule(), RoutingTo("financeReveiw"), Catalog(Expense));

        var problem = ProblemAssert.Single(problems, "$.rules[1].then[0].step", "rule.unknownStep");
        Assert.Contains("'test-process'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'financeReview'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSetSide_ProcessesUsingAnotherRuleSet_AreNotChecked()
    {
        var other = Process("""[ { "key": "done", "type": "end" } ]""", ruleSet: "other-rules");

        var problems = RuleRunner.RunCommon(new RoutingTargetsRule(), RoutingTo("financeReview"), Catalog(other));

        ProblemAssert.None(problems);
    }

    [Fact]
    public void ProcessSide_WithoutTheRuleSetInTheCatalog_LeavesTheMissingRuleSetToStepTargetsRule()
    {
        var problems = RuleRunner.RunCommon(new RoutingTargetsRule(), Expense, DefinitionCatalog.Empty);

        ProblemAssert.None(problems);
    }

    // Regression: a rule restricted to a misspelt step silently never fires; 'steps' was not checked on either side.
    [Fact]
    public void RuleSetSide_RuleRestrictedToAStepAProcessLacks_IsReportedAtThatEntry()
    {
        var problems = RuleRunner.RunCommon(new RoutingTargetsRule(), RoutingTo("financeReview", fromStep: "managerAproval"), Catalog(Expense));

        ProblemAssert.Contains(problems, "$.rules[0].steps[0]", "rule.unknownStep");
    }

    // Regression: the same gap seen from the process side.
    [Fact]
    public void ProcessSide_RuleRestrictedToAStepTheProcessLacks_IsReportedAtRuleSet()
    {
        var problems = RuleRunner.RunCommon(new RoutingTargetsRule(), Expense, Catalog(RoutingTo("financeReview", fromStep: "managerAproval")));

        ProblemAssert.Contains(problems, "$.ruleSet", "rule.unknownStep");
    }
}
