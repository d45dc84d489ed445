using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Processes;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Processes;

public sealed class StepKeysRuleTests
{
    private static IReadOnlyList<ValidationProblem> Check(string stepsJson, string? extraJson = null) =>
        RuleRunner.Run(new StepKeysRule(), Process(stepsJson, extraJson: extraJson));

    [Fact]
    public void StepsWithUniqueKeysKnownTypesAndAnEnd_HaveNoProblems()
    {
        var problems = Check("""[ { "key": "review", "type": "approval" }, { "key": "done", "type": "end" } ]""", "\"start\": \"review\"");

        ProblemAssert.None(problems);
    }

    public static TheoryData<string> KnownTypes => [.. StepTypes.Names];

    [Theory]
    [MemberData(nameof(KnownTypes))]
    public void EveryKnownStepType_IsAccepted(string type)
    {
        var problems = Check($$"""[ { "key": "a", "type": "{{type}}" }, { "key": "done", "type": "end" } ]""");

        ProblemAssert.None(problems);
    }

    [Fact]
    public void ProcessWithoutSteps_IsReportedAtTheStepList()
    {
        var problems = Check("[]");

        ProblemAssert.Single(problems, "$.steps", "process.noSteps");
    }

    [Fact]
    public void DuplicateStepKey_IsReportedAtTheSecondAndNamesTheFirst()
    {
        var problems = Check("""[ { "key": "review", "type": "approval" }, { "key": "review", "type": "approval" }, { "key": "done", "type": "end" } ]""");

        var problem = ProblemAssert.Single(problems, "$.steps[1].key", "step.duplicateKey");
        Assert.Contains("$.steps[0]", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("manager-approval")]
    [InlineData("2ndReview")]
    [InlineData("manager approval")]
    public void StepKeyThatIsNotAnIdentifier_IsReported(string key)
    {
        var problems = Check($$"""[ { "key": "{{key}}", "type": "approval" }, { "key": "done", "type": "end" } ]""");

        ProblemAssert.Single(problems, "$.steps[0].key", "step.keyFormat");
    }

    [Fact]
    public void MisspeltStepType_IsReportedWithADidYouMeanHint()
    {
        var problems = Check("""[ { "key": "review", "type": "aproval" }, { "key": "done", "type": "end" } ]""");

        var problem = ProblemAssert.Single(problems, "$.steps[0].type", "step.unknownType");
        Assert.Contains("Did you mean 'approval'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartThatNamesNoStep_IsReportedAtStart()
    {
        var problems = Check("""[ { "key": "review", "type": "approval" }, { "key": "done", "type": "end" } ]""", "\"start\": \"reveiw\"");

        var problem = ProblemAssert.Single(problems, "$.start", "process.unknownStart");
        Assert.Contains("Did you mean 'review'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessWithoutAnEndStep_IsReportedAtTheStepList()
    {
        var problems = Check("""[ { "key": "review", "type": "approval" } ]""");

        ProblemAssert.Single(problems, "$.steps", "process.noEnd");
    }
}
