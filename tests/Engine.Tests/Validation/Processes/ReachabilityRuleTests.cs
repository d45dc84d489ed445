using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Processes;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Processes;

public sealed class ReachabilityRuleTests
{
    [Fact]
    public void StepsReachedThroughNextTransitionsAndBranches_HaveNoProblems()
    {
        var process = Process("""
            [
              { "key": "fill", "type": "formTask", "next": "split" },
              { "key": "split", "type": "parallelSplit", "branches": [ "left", "right" ] },
              { "key": "left", "type": "approval", "next": "join", "transitions": { "rejected": "rework" } },
              { "key": "right", "type": "approval", "next": "join" },
              { "key": "rework", "type": "formTask", "next": "fill" },
              { "key": "join", "type": "parallelJoin", "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """);

        ProblemAssert.None(RuleRunner.Run(new ReachabilityRule(), process));
    }

    [Fact]
    public void StepNothingLeadsTo_IsReportedAtTheStep()
    {
        var process = Process("""
            [
              { "key": "fill", "type": "formTask", "next": "done" },
              { "key": "orphan", "type": "approval", "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """);

        var problem = ProblemAssert.Single(RuleRunner.Run(new ReachabilityRule(), process), "$.steps[1]", "step.unreachable");
        Assert.Contains("'orphan'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'fill'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StepsBeforeAnExplicitStart_AreUnreachableUnlessSomethingLeadsBack()
    {
        var process = Process("""
            [
              { "key": "intro", "type": "formTask", "next": "fill" },
              { "key": "fill", "type": "formTask", "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """, extraJson: "\"start\": \"fill\"");

        ProblemAssert.Single(RuleRunner.Run(new ReachabilityRule(), process), "$.steps[0]", "step.unreachable");
    }

    private static readonly string RoutedSteps = """
        [
          { "key": "review", "type": "approval" },
          { "key": "finance", "type": "approval", "next": "done" },
          { "key": "done", "type": "end" }
        ]
        """;

    [Fact]
    public void StepReachedOnlyThroughARoutingRule_IsReachableWhenTheCatalogHasTheRuleSet()
    {
        var rules = RuleSet("""[ { "name": "big", "steps": [ "review" ], "then": [ { "type": "goTo", "step": "finance" } ] } ]""", key: "routing");

        var problems = RuleRunner.Run(new ReachabilityRule(), Process(RoutedSteps, "routing"), Catalog(rules));

        ProblemAssert.None(problems);
    }

    [Fact]
    public void StepReachedOnlyThroughARoutingRule_IsReportedWhenTheRuleSetIsUnknown()
    {
        var problems = RuleRunner.Run(new ReachabilityRule(), Process(RoutedSteps, "routing"), DefinitionCatalog.Empty);

        ProblemAssert.Contains(problems, "$.steps[1]", "step.unreachable");
    }

    [Fact]
    public void RuleRestrictedToAnUnreachableStep_DoesNotMakeItsTargetReachable()
    {
        var rules = RuleSet("""[ { "name": "from-finance", "steps": [ "finance" ], "then": [ { "type": "goTo", "step": "done" } ] } ]""", key: "routing");

        var problems = RuleRunner.Run(new ReachabilityRule(), Process(RoutedSteps, "routing"), Catalog(rules));

        ProblemAssert.Contains(problems, "$.steps[1]", "step.unreachable");
        ProblemAssert.Contains(problems, "$.steps[2]", "step.unreachable");
    }

    [Fact]
    public void StepReachedOnlyThroughADisabledRule_IsReportedAsOnlyRoutedByADisabledRule()
    {
        var rules = RuleSet("""[ { "name": "big", "steps": [ "review" ], "then": [ { "type": "goTo", "step": "finance" } ], "disabled": true } ]""", key: "routing");

        var problems = RuleRunner.Run(new ReachabilityRule(), Process(RoutedSteps, "routing"), Catalog(rules));

        var problem = ProblemAssert.Contains(problems, "$.steps[1]", "step.unreachable");
        Assert.Contains("Step 'finance' can never be reached from the start step 'review': only a disabled rule routes here (rule 'big').", problem.Message, StringComparison.Ordinal);
        Assert.Contains("removing \"disabled\"", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["$.steps[1]", "$.steps[2]"], problems.Select(p => p.Path));
    }

    [Fact]
    public void StepReachedThroughADisabledRuleAndAnEnabledOne_HasNoProblems()
    {
        var rules = RuleSet("""
            [
              { "name": "old-route", "steps": [ "review" ], "then": [ { "type": "goTo", "step": "finance" } ], "disabled": true },
              { "name": "new-route", "steps": [ "review" ], "then": [ { "type": "goTo", "step": "finance" } ] }
            ]
            """, key: "routing");

        ProblemAssert.None(RuleRunner.Run(new ReachabilityRule(), Process(RoutedSteps, "routing"), Catalog(rules)));
    }

    [Fact]
    public void StepsBeyondAStepOnlyADisabledRuleReaches_NameThatRule()
    {
        var rules = RuleSet("""[ { "name": "to-audit", "steps": [ "review" ], "then": [ { "type": "goTo", "step": "audit" } ], "disabled": true } ]""", key: "routing");
        var process = Process("""
            [
              { "key": "review", "type": "approval", "next": "done" },
              { "key": "audit", "type": "approval", "next": "archive" },
              { "key": "archive", "type": "script", "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """, "routing");

        var problems = RuleRunner.Run(new ReachabilityRule(), process, Catalog(rules));

        Assert.Equal(["$.steps[1]", "$.steps[2]"], problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Contains("only a disabled rule routes here (rule 'to-audit')", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void StepNothingLeadsTo_DoesNotBlameADisabledRule()
    {
        var rules = RuleSet("""[ { "name": "off", "steps": [ "review" ], "then": [ { "type": "goTo", "step": "done" } ], "disabled": true } ]""", key: "routing");
        var process = Process("""
            [
              { "key": "review", "type": "approval", "next": "done" },
              { "key": "orphan", "type": "approval", "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """, "routing");

        var problem = ProblemAssert.Single(RuleRunner.Run(new ReachabilityRule(), process, Catalog(rules)), "$.steps[1]", "step.unreachable");
        Assert.DoesNotContain("disabled", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartThatNamesNoStep_IsLeftToTheStepKeysRule()
    {
        var process = Process("""[ { "key": "a", "type": "formTask" }, { "key": "done", "type": "end" } ]""", extraJson: "\"start\": \"missing\"");

        ProblemAssert.None(RuleRunner.Run(new ReachabilityRule(), process));
    }
}
