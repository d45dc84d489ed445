using LowCode.Engine.Validation.Forms;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Forms;

public sealed class FormValidationsRuleTests
{
    private const string Fields = """
        [
          { "key": "startDate", "type": "date" },
          { "key": "endDate", "type": "date" },
          { "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number" } ] }
        ]
        """;

    private static IReadOnlyList<LowCode.Engine.Validation.ValidationProblem> Check(string validationsJson) =>
        RuleRunner.Run(new FormValidationsRule(), Form(Fields, validationsJson));

    [Fact]
    public void ValidationsWithUniqueKeysMessagesAndKnownFields_HaveNoProblems()
    {
        var problems = Check("""
            [
              { "key": "endAfterStart", "expression": "endDate >= startDate", "message": "The end is before the start.", "fields": [ "endDate" ] },
              { "key": "hasLines", "expression": "count(lines) > 0", "message": "Add a line.", "fields": [ "lines", "amount" ] },
              { "key": "formWide", "expression": "true", "message": "Shown on the form." }
            ]
            """);

        ProblemAssert.None(problems);
    }

    [Fact]
    public void DuplicateValidationKey_IsReportedAtTheSecond()
    {
        var problems = Check("""
            [
              { "key": "dates", "expression": "endDate >= startDate", "message": "a" },
              { "key": "dates", "expression": "true", "message": "b" }
            ]
            """);

        ProblemAssert.Single(problems, "$.validations[1].key", "validation.duplicateKey");
    }

    [Fact]
    public void ValidationKeyThatIsNotAnIdentifier_IsReported()
    {
        var problems = Check("""[ { "key": "end-after-start", "expression": "true", "message": "a" } ]""");

        ProblemAssert.Single(problems, "$.validations[0].key", "validation.keyFormat");
    }

    [Fact]
    public void BlankMessage_IsReportedAtTheMessage()
    {
        var problems = Check("""[ { "key": "dates", "expression": "true", "message": "  " } ]""");

        ProblemAssert.Single(problems, "$.validations[0].message", "validation.messageMissing");
    }

    [Fact]
    public void MessageAttachedToAnUnknownField_IsReportedAtThatEntryWithADidYouMeanHint()
    {
        var problems = Check("""[ { "key": "dates", "expression": "true", "message": "a", "fields": [ "startDate", "endDat" ] } ]""");

        var problem = ProblemAssert.Single(problems, "$.validations[0].fields[1]", "validation.unknownField");
        Assert.Contains("Did you mean 'endDate'?", problem.Message, StringComparison.Ordinal);
    }
}
