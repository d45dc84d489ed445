using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Processes;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Processes;

public sealed class StepTargetsRuleTests
{
    private static readonly DefinitionCatalog FormAndRules = Catalog(
        Form("""[ { "key": "a", "type": "text" } ]"""),
        RuleSet("""[ { "name": "r", "then": [ { "type": "goTo", "step": "done" } ] } ]""", key: "routing"));

    private static IReadOnlyList<ValidationProblem> Check(string stepsJson, string? ruleSet = null) =>
        RuleRunner.Run(new StepTargetsRule(), Process(stepsJson, ruleSet), FormAndRules);

    [Fact]
    public void TargetsFormsAndRuleSetThatExist_HaveNoProblems()
    {
        var problems = Check("""
            [
              { "key": "fill", "type": "formTask", "form": "test-form", "next": "split" },
              { "key": "split", "type": "parallelSplit", "branches": [ "left", "right" ] },
              { "key": "left", "type": "approval", "transitions": { "approved": "join", "rejected": "fill" } },
              { "key": "right", "type": "approval", "next": "join" },
              { "key": "join", "type": "parallelJoin", "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """, ruleSet: "routing");

        ProblemAssert.None(problems);
    }

    [Fact]
    public void NextThatNamesNoStep_IsReportedWithADidYouMeanHint()
    {
        var problems = Check("""[ { "key": "review", "type": "approval", "next": "dnoe" }, { "key": "done", "type": "end" } ]""");

        var problem = ProblemAssert.Single(problems, "$.steps[0].next", "step.unknownTarget");
        Assert.Contains("Did you mean 'done'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TransitionToAMissingStep_IsReportedAtThatOutcome()
    {
        var problems = Check("""[ { "key": "review", "type": "approval", "transitions": { "approved": "done", "rejected": "rework" } }, { "key": "done", "type": "end" } ]""");

        ProblemAssert.Single(problems, "$.steps[0].transitions.rejected", "step.unknownTarget");
    }

    [Fact]
    public void OutcomeThatIsNotAPlainName_IsQuotedInThePath()
    {
        var problems = Check("""[ { "key": "review", "type": "approval", "transitions": { "more-info": "nowhere" } }, { "key": "done", "type": "end" } ]""");

        ProblemAssert.Single(problems, "$.steps[0].transitions['more-info']", "step.unknownTarget");
    }

    [Fact]
    public void BranchToAMissingStep_IsReportedAtThatBranch()
    {
        var problems = Check("""[ { "key": "split", "type": "parallelSplit", "branches": [ "done", "security" ] }, { "key": "done", "type": "end" } ]""");

        ProblemAssert.Single(problems, "$.steps[0].branches[1]", "step.unknownTarget");
    }

    [Fact]
    public void StepThatNamesItselfAsNext_IsReportedAsASelfLoop()
    {
        var problems = Check("""[ { "key": "wait", "type": "timer", "duration": "P1D", "next": "wait" }, { "key": "done", "type": "end" } ]""");

        ProblemAssert.Single(problems, "$.steps[0].next", "step.selfLoop");
    }

    [Fact]
    public void FormTheCatalogDoesNotHave_IsReportedAtTheStepsForm()
    {
        var problems = Check("""[ { "key": "fill", "type": "formTask", "form": "expense-claim", "next": "done" }, { "key": "done", "type": "end" } ]""");

        ProblemAssert.Single(problems, "$.steps[0].form", "step.unknownForm");
    }

    [Fact]
    public void RuleSetTheCatalogDoesNotHave_IsReportedAtRuleSet()
    {
        var problems = Check("""[ { "key": "done", "type": "end" } ]""", ruleSet: "expense-routing");

        ProblemAssert.Single(problems, "$.ruleSet", "process.unknownRuleSet");
    }

    [Fact]
    public void EveryReference_FailsAgainstTheEmptyCatalog()
    {
        var process = Process("""[ { "key": "fill", "type": "formTask", "form": "test-form", "next": "done" }, { "key": "done", "type": "end" } ]""", "routing");

        var problems = RuleRunner.Run(new StepTargetsRule(), process, DefinitionCatalog.Empty);

        ProblemAssert.Contains(problems, "$.steps[0].form", "step.unknownForm");
        ProblemAssert.Contains(problems, "$.ruleSet", "process.unknownRuleSet");
    }
}
