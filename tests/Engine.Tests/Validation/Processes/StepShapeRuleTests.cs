using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Processes;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Processes;

public sealed class StepShapeRuleTests
{
    /// <summary>Checks one step (followed by an end step) in a process that has no rule set.</summary>
    private static IReadOnlyList<ValidationProblem> Check(string stepJson, string? ruleSet = null) =>
        RuleRunner.Run(new StepShapeRule(), Process($$"""[ {{stepJson}}, { "key": "done", "type": "end" } ]""", ruleSet));

    [Theory]
    [InlineData("""{ "key": "a", "type": "formTask", "form": "f", "assignee": { "role": "clerk" }, "sla": "P1D", "next": "done" }""")]
    [InlineData("""{ "key": "a", "type": "approval", "assignee": { "role": "manager" }, "outcomes": [ "approved", "rejected" ], "transitions": { "approved": "done", "rejected": "done" } }""")]
    [InlineData("""{ "key": "a", "type": "script", "set": [ { "path": "x", "expression": "1" } ], "next": "done" }""")]
    [InlineData("""{ "key": "a", "type": "webhook", "webhook": { "url": "https://example.com/hook" }, "next": "done", "transitions": { "failed": "done" } }""")]
    [InlineData("""{ "key": "a", "type": "timer", "duration": "P1D", "next": "done" }""")]
    [InlineData("""{ "key": "a", "type": "timer", "until": "dueDate", "next": "done" }""")]
    [InlineData("""{ "key": "a", "type": "signal", "signal": "paid", "sla": "P3D", "next": "done" }""")]
    [InlineData("""{ "key": "a", "type": "parallelSplit", "branches": [ "done", "done" ] }""")]
    [InlineData("""{ "key": "a", "type": "parallelJoin", "next": "done" }""")]
    public void StepWithThePropertiesItsTypeNeeds_HasNoProblems(string stepJson)
    {
        ProblemAssert.None(Check(stepJson));
    }

    [Theory]
    [InlineData("""{ "key": "a", "type": "formTask", "assignee": { "role": "clerk" }, "next": "done" }""", "$.steps[0].form")]
    [InlineData("""{ "key": "a", "type": "formTask", "form": "f", "next": "done" }""", "$.steps[0].assignee")]
    [InlineData("""{ "key": "a", "type": "approval", "next": "done" }""", "$.steps[0].assignee")]
    [InlineData("""{ "key": "a", "type": "script", "next": "done" }""", "$.steps[0].set")]
    [InlineData("""{ "key": "a", "type": "webhook", "next": "done" }""", "$.steps[0].webhook")]
    [InlineData("""{ "key": "a", "type": "signal", "next": "done" }""", "$.steps[0].signal")]
    public void StepMissingAPropertyItsTypeNeeds_IsReportedAtThatProperty(string stepJson, string path)
    {
        var problem = ProblemAssert.Single(Check(stepJson), path, "step.missingProperty");

        Assert.Contains("e.g.", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "key": "a", "type": "script", "form": "f", "set": [ { "path": "x", "expression": "1" } ], "next": "done" }""", "$.steps[0].form")]
    [InlineData("""{ "key": "a", "type": "webhook", "assignee": { "role": "x" }, "webhook": { "url": "https://example.com" }, "next": "done" }""", "$.steps[0].assignee")]
    [InlineData("""{ "key": "a", "type": "formTask", "form": "f", "assignee": { "role": "x" }, "outcomes": [ "ok" ], "next": "done" }""", "$.steps[0].outcomes")]
    [InlineData("""{ "key": "a", "type": "approval", "assignee": { "role": "x" }, "set": [ { "path": "x", "expression": "1" } ], "next": "done" }""", "$.steps[0].set")]
    [InlineData("""{ "key": "a", "type": "script", "set": [ { "path": "x", "expression": "1" } ], "webhook": { "url": "https://example.com" }, "next": "done" }""", "$.steps[0].webhook")]
    [InlineData("""{ "key": "a", "type": "timer", "duration": "P1D", "signal": "s", "next": "done" }""", "$.steps[0].signal")]
    [InlineData("""{ "key": "a", "type": "signal", "signal": "s", "duration": "P1D", "next": "done" }""", "$.steps[0].duration")]
    [InlineData("""{ "key": "a", "type": "signal", "signal": "s", "until": "x", "next": "done" }""", "$.steps[0].until")]
    [InlineData("""{ "key": "a", "type": "parallelSplit", "branches": [ "done", "done" ], "sla": "P1D" }""", "$.steps[0].sla")]
    [InlineData("""{ "key": "a", "type": "parallelSplit", "branches": [ "done", "done" ], "next": "done" }""", "$.steps[0].next")]
    [InlineData("""{ "key": "a", "type": "parallelJoin", "branches": [ "done", "done" ], "next": "done" }""", "$.steps[0].branches")]
    [InlineData("""{ "key": "a", "type": "formTask", "form": "f", "assignee": { "role": "x" }, "webhook": { "url": "https://example.com" }, "next": "done" }""", "$.steps[0].webhook")]
    [InlineData("""{ "key": "a", "type": "parallelJoin", "form": "f", "next": "done" }""", "$.steps[0].form")]
    [InlineData("""{ "key": "a", "type": "parallelSplit", "assignee": { "role": "x" }, "branches": [ "done", "done" ] }""", "$.steps[0].assignee")]
    [InlineData("""{ "key": "a", "type": "parallelSplit", "branches": [ "done", "done" ], "transitions": { "failed": "done" } }""", "$.steps[0].transitions")]
    [InlineData("""{ "key": "a", "type": "formTask", "form": "f", "assignee": { "role": "x" }, "next": "done", "transitions": { "approved": "done" } }""", "$.steps[0].transitions")]
    [InlineData("""{ "key": "a", "type": "signal", "signal": "s", "transitions": { "received": "done" } }""", "$.steps[0].transitions")]
    [InlineData("""{ "key": "a", "type": "script", "set": [ { "path": "x", "expression": "1" } ], "sla": "PT1H", "next": "done" }""", "$.steps[0].sla")]
    [InlineData("""{ "key": "a", "type": "timer", "duration": "P1D", "sla": "P2D", "next": "done" }""", "$.steps[0].sla")]
    public void PropertyThatDoesNotBelongToTheStepType_IsReportedAsNotApplicable(string stepJson, string path)
    {
        ProblemAssert.Single(Check(stepJson), path, "step.propertyNotApplicable");
    }

    [Theory]
    [InlineData("""{ "key": "a", "type": "end", "next": "done" }""", "$.steps[0].next")]
    [InlineData("""{ "key": "a", "type": "end", "transitions": { "x": "done" } }""", "$.steps[0].transitions")]
    [InlineData("""{ "key": "a", "type": "end", "sla": "P1D" }""", "$.steps[0].sla")]
    public void EndStepThatLeadsSomewhereOrHasAnSla_IsReported(string stepJson, string path)
    {
        ProblemAssert.Single(Check(stepJson), path, "step.propertyNotApplicable");
    }

    [Theory]
    [InlineData("""{ "key": "a", "type": "timer", "next": "done" }""")]
    [InlineData("""{ "key": "a", "type": "timer", "duration": "P1D", "until": "dueDate", "next": "done" }""")]
    public void TimerWithoutExactlyOneOfDurationAndUntil_IsReported(string stepJson)
    {
        ProblemAssert.Single(Check(stepJson), "$.steps[0].duration", "step.timerShape");
    }

    [Fact]
    public void ParallelSplitWithOneBranch_IsReported()
    {
        ProblemAssert.Single(Check("""{ "key": "a", "type": "parallelSplit", "branches": [ "done" ] }"""), "$.steps[0].branches", "step.branchesMissing");
    }

    [Fact]
    public void StepWithNoWayOutInAProcessWithoutRules_IsReportedAtNext()
    {
        var problem = ProblemAssert.Single(Check("""{ "key": "a", "type": "parallelJoin" }"""), "$.steps[0].next", "step.noWayOut");

        Assert.Contains("'a'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StepWithNoWayOutOfItsOwn_IsFineWhenARuleSetRoutesTheProcess()
    {
        ProblemAssert.None(Check("""{ "key": "a", "type": "approval", "assignee": { "role": "x" } }""", ruleSet: "routing"));
    }

    [Fact]
    public void ApprovalTransitionForAnOutcomeItDoesNotOffer_IsReportedAtThatTransition()
    {
        var problems = Check("""
            { "key": "a", "type": "approval", "assignee": { "role": "x" }, "outcomes": [ "approved", "rejected" ], "transitions": { "approved": "done", "declined": "done" } }
            """);

        ProblemAssert.Single(problems, "$.steps[0].transitions.declined", "step.unknownOutcome");
    }

    [Fact]
    public void PropertyThatDoesNotBelongToTheStepType_SaysWhatTheTypeUsesAndWhereThePropertyBelongs()
    {
        var problem = ProblemAssert.Single(
            Check("""{ "key": "a", "type": "formTask", "form": "f", "assignee": { "role": "x" }, "webhook": { "url": "https://example.com" }, "next": "done" }"""),
            "$.steps[0].webhook",
            "step.propertyNotApplicable");

        Assert.Equal(
            "'webhook' does not apply to a formTask step, which uses only 'form', 'assignee', 'sla', 'next'; 'webhook' belongs to webhook steps. Remove it, or change the step type.",
            problem.Message);
    }

    [Fact]
    public void PropertyOnAnEndStep_SaysTheEndStepUsesNoneOfItsOwn()
    {
        var problem = ProblemAssert.Single(Check("""{ "key": "a", "type": "end", "sla": "P1D" }"""), "$.steps[0].sla", "step.propertyNotApplicable");

        Assert.Contains("uses none besides 'key', 'type' and 'name'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("belongs to formTask, approval, webhook, signal, parallelJoin steps", problem.Message, StringComparison.Ordinal);
    }
}
