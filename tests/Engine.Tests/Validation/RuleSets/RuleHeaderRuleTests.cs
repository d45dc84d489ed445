using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.RuleSets;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.RuleSets;

public sealed class RuleHeaderRuleTests
{
    private const string GoToDone = """[ { "type": "goTo", "step": "done" } ]""";

    private static IReadOnlyList<ValidationProblem> Check(string rulesJson) => RuleRunner.Run(new RuleHeaderRule(), RuleSet(rulesJson));

    [Fact]
    public void RulesWithUniqueNamesKnownEventsAndActions_HaveNoProblems()
    {
        var problems = Check($$"""
            [
              { "name": "a", "salience": 10000, "then": {{GoToDone}} },
              { "name": "b", "salience": -10000, "on": "slaBreached", "then": {{GoToDone}} }
            ]
            """);

        ProblemAssert.None(problems);
    }

    public static TheoryData<string> Events => [.. ActionTypes.Events];

    [Theory]
    [MemberData(nameof(Events))]
    public void EveryKnownEvent_IsAccepted(string on)
    {
        ProblemAssert.None(Check($$"""[ { "name": "a", "on": "{{on}}", "then": {{GoToDone}} } ]"""));
    }

    [Fact]
    public void BlankRuleName_IsReported()
    {
        ProblemAssert.Single(Check($$"""[ { "name": " ", "then": {{GoToDone}} } ]"""), "$.rules[0].name", "rule.nameMissing");
    }

    [Fact]
    public void DuplicateRuleName_IsReportedAtTheSecondAndNamesTheFirst()
    {
        var problems = Check($$"""[ { "name": "a", "then": {{GoToDone}} }, { "name": "b", "then": {{GoToDone}} }, { "name": "a", "then": {{GoToDone}} } ]""");

        var problem = ProblemAssert.Single(problems, "$.rules[2].name", "rule.duplicateName");
        Assert.Contains("$.rules[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltEvent_IsReportedWithADidYouMeanHint()
    {
        var problem = ProblemAssert.Single(Check($$"""[ { "name": "a", "on": "slaBreach", "then": {{GoToDone}} } ]"""), "$.rules[0].on", "rule.unknownEvent");

        Assert.Contains("Did you mean 'slaBreached'?", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10001)]
    [InlineData(-10001)]
    public void SalienceOutOfRange_IsReported(int salience)
    {
        ProblemAssert.Single(Check($$"""[ { "name": "a", "salience": {{salience}}, "then": {{GoToDone}} } ]"""), "$.rules[0].salience", "rule.salienceRange");
    }

    [Fact]
    public void RuleWithoutActions_IsReportedAtThen()
    {
        ProblemAssert.Single(Check("""[ { "name": "a", "when": [ { "expression": "true" } ] } ]"""), "$.rules[0].then", "rule.noActions");
    }
}
