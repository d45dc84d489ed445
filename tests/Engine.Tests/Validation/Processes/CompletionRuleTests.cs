using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Processes;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Processes;

public sealed class CompletionRuleTests
{
    [Fact]
    public void ProcessWhereEveryStepCanReachAnEnd_HasNoProblems()
    {
        var process = Process("""
            [
              { "key": "fill", "type": "formTask", "next": "split" },
              { "key": "split", "type": "parallelSplit", "branches": [ "left", "right" ] },
              { "key": "left", "type": "approval", "next": "join", "transitions": { "rejected": "fill" } },
              { "key": "right", "type": "approval", "next": "join" },
              { "key": "join", "type": "parallelJoin", "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """);

        ProblemAssert.None(RuleRunner.Run(new CompletionRule(), process));
    }

    [Fact]
    public void ParallelJoinInAProcessWithoutAParallelSplit_IsReportedAtTheJoin()
    {
        var process = Process("""
            [
              { "key": "fill", "type": "script", "set": [ { "path": "x", "expression": "1" } ], "next": "join" },
              { "key": "join", "type": "parallelJoin", "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """);

        var problem = ProblemAssert.Single(RuleRunner.Run(new CompletionRule(), process), "$.steps[1]", "step.joinWithoutSplit");
        Assert.Contains("'join'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoopWithNoWayToAnEnd_IsReportedAtEveryTrappedStep()
    {
        var process = Process("""
            [
              { "key": "triage", "type": "approval", "next": "review", "transitions": { "trivial": "done" } },
              { "key": "review", "type": "approval", "next": "recheck" },
              { "key": "recheck", "type": "approval", "next": "review" },
              { "key": "done", "type": "end" }
            ]
            """);

        var problems = RuleRunner.Run(new CompletionRule(), process);

        Assert.Equal(["$.steps[1]", "$.steps[2]"], problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Equal("step.noWayToEnd", p.Code));
    }

    [Fact]
    public void LoopLeftOnlyThroughARoutingRule_IsFineWhenTheCatalogHasTheRuleSet()
    {
        var rules = RuleSet("""[ { "name": "enough", "steps": [ "recheck" ], "then": [ { "type": "goTo", "step": "done" } ] } ]""", key: "routing");
        var process = Process("""
            [
              { "key": "review", "type": "approval", "next": "recheck" },
              { "key": "recheck", "type": "approval", "next": "review" },
              { "key": "done", "type": "end" }
            ]
            """, "routing");

        ProblemAssert.None(RuleRunner.Run(new CompletionRule(), process, Catalog(rules)));
    }

    [Fact]
    public void StepThatLeavesEverythingToRules_IsNotJudgedWhenTheRuleSetIsUnknown()
    {
        var process = Process("""[ { "key": "review", "type": "approval" }, { "key": "done", "type": "end" } ]""", "routing");

        ProblemAssert.None(RuleRunner.Run(new CompletionRule(), process, DefinitionCatalog.Empty));
    }

    // Regression: a step without 'next' or transitions was excused whenever the process named a rule set, even when
    // the catalog held that rule set and none of its rules routed away from the step, so instances stopped there.
    [Fact]
    public void StepNoRuleRoutesFrom_IsReportedWhenTheCatalogHasTheRuleSet()
    {
        var rules = RuleSet("""[ { "name": "from-review", "steps": [ "review" ], "then": [ { "type": "goTo", "step": "done" } ] } ]""", key: "routing");
        var process = Process("""
            [
              { "key": "review", "type": "approval", "transitions": { "escalated": "audit" } },
              { "key": "audit", "type": "approval" },
              { "key": "done", "type": "end" }
            ]
            """, "routing");

        ProblemAssert.Single(RuleRunner.Run(new CompletionRule(), process, Catalog(rules)), "$.steps[1]", "step.noWayToEnd");
    }

    [Fact]
    public void LoopLeftOnlyThroughADisabledRule_IsReported()
    {
        var rules = RuleSet("""[ { "name": "enough", "steps": [ "recheck" ], "then": [ { "type": "goTo", "step": "done" } ], "disabled": true } ]""", key: "routing");
        var process = Process("""
            [
              { "key": "review", "type": "approval", "next": "recheck" },
              { "key": "recheck", "type": "approval", "next": "review" },
              { "key": "done", "type": "end" }
            ]
            """, "routing");

        var problems = RuleRunner.Run(new CompletionRule(), process, Catalog(rules));

        Assert.Equal(["$.steps[0]", "$.steps[1]"], problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Equal("step.noWayToEnd", p.Code));
    }

    [Fact]
    public void ProcessWithoutAnEnd_IsLeftToTheStepKeysRule()
    {
        var process = Process("""[ { "key": "a", "type": "formTask", "next": "b" }, { "key": "b", "type": "formTask", "next": "a" } ]""");

        ProblemAssert.None(RuleRunner.Run(new CompletionRule(), process));
    }
}
