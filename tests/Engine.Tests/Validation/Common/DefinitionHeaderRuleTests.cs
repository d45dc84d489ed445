using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Common;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Common;

public sealed class DefinitionHeaderRuleTests
{
    private static IReadOnlyList<ValidationProblem> CheckForm(string key, string name) =>
        RuleRunner.RunCommon(new DefinitionHeaderRule(), Parse<FormDefinition>($$"""{ "key": "{{key}}", "name": "{{name}}", "fields": [] }"""));

    [Theory]
    [InlineData("expense-claim")]
    [InlineData("kyc2")]
    [InlineData("ab")]
    public void WellFormedKeyAndName_HaveNoProblems(string key)
    {
        ProblemAssert.None(CheckForm(key, "Expense claim"));
    }

    [Fact]
    public void ProcessesAndRuleSets_AreCheckedToo()
    {
        var process = Parse<ProcessDefinition>("""{ "key": "Expense_Approval", "name": "", "steps": [] }""");
        var ruleSet = Parse<RuleSetDefinition>("""{ "key": "expense routing", "name": "Routing" }""");

        var processProblems = RuleRunner.RunCommon(new DefinitionHeaderRule(), process);
        var ruleSetProblems = RuleRunner.RunCommon(new DefinitionHeaderRule(), ruleSet);

        ProblemAssert.Contains(processProblems, "$.key", "key.format");
        ProblemAssert.Contains(processProblems, "$.name", "name.missing");
        ProblemAssert.Single(ruleSetProblems, "$.key", "key.format");
    }

    [Fact]
    public void EmptyKey_IsReportedAsMissing()
    {
        ProblemAssert.Single(CheckForm("", "Expense claim"), "$.key", "key.missing");
    }

    [Theory]
    [InlineData("Expense-claim")]
    [InlineData("expense_claim")]
    [InlineData("1-expense")]
    [InlineData("e")]
    [InlineData("expense.claim")]
    public void KeyThatIsNotALowerCaseSlug_IsReportedWithTheFormatHint(string key)
    {
        var problem = ProblemAssert.Single(CheckForm(key, "Expense claim"), "$.key", "key.format");

        Assert.Contains("lower-case letters, digits and dashes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyLongerThanSixtyFourCharacters_IsReported()
    {
        ProblemAssert.Single(CheckForm("a" + new string('b', 64), "Long"), "$.key", "key.format");
    }

    [Fact]
    public void BlankName_IsReported()
    {
        ProblemAssert.Single(CheckForm("expense-claim", "   "), "$.name", "name.missing");
    }
}
