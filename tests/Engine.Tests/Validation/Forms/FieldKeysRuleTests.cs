using LowCode.Engine.Validation.Forms;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Forms;

public sealed class FieldKeysRuleTests
{
    private static IReadOnlyList<LowCode.Engine.Validation.ValidationProblem> Check(string fieldsJson) =>
        RuleRunner.Run(new FieldKeysRule(), Form(fieldsJson));

    [Fact]
    public void Form_WithUniqueIdentifierKeys_HasNoProblems()
    {
        var problems = Check("""
            [
              { "key": "name", "type": "text" },
              { "key": "contact", "type": "group", "fields": [ { "key": "email", "type": "email" } ] },
              { "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number" } ] }
            ]
            """);

        ProblemAssert.None(problems);
    }

    [Fact]
    public void Form_WithoutFields_ReportsNoFieldsAtTheFieldList()
    {
        var problems = Check("[]");

        ProblemAssert.Single(problems, "$.fields", "form.noFields");
    }

    [Fact]
    public void DuplicateKey_IsReportedAtTheSecondFieldAndNamesTheFirst()
    {
        var problems = Check("""[ { "key": "amount", "type": "number" }, { "key": "amount", "type": "text" } ]""");

        var problem = ProblemAssert.Single(problems, "$.fields[1].key", "field.duplicateKey");
        Assert.Contains("$.fields[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyInsideAGroup_CollidesWithTheSameKeyOutsideIt_BecauseGroupsShareTheirParentsData()
    {
        var problems = Check("""
            [
              { "key": "email", "type": "email" },
              { "key": "contact", "type": "group", "fields": [ { "key": "email", "type": "email" } ] }
            ]
            """);

        ProblemAssert.Single(problems, "$.fields[1].fields[0].key", "field.duplicateKey");
    }

    [Fact]
    public void GroupKey_CollidesWithASiblingFieldKey_BecauseTheGroupsFieldsAreStoredUnderIt()
    {
        var problems = Check("""
            [
              { "key": "contact", "type": "text" },
              { "key": "contact", "type": "group", "fields": [ { "key": "email", "type": "email" } ] }
            ]
            """);

        ProblemAssert.Single(problems, "$.fields[1].key", "field.duplicateKey");
    }

    [Fact]
    public void ColumnOfARepeatingGroup_MayReuseAKeyFromOutside_BecauseEachRowIsItsOwnScope()
    {
        var problems = Check("""
            [
              { "key": "amount", "type": "number" },
              { "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number" } ] }
            ]
            """);

        ProblemAssert.None(problems);
    }

    [Fact]
    public void DuplicateColumnsWithinOneRepeatingGroup_AreReportedAtTheColumn()
    {
        var problems = Check("""
            [ { "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number" }, { "key": "amount", "type": "number" } ] } ]
            """);

        ProblemAssert.Single(problems, "$.fields[0].fields[1].key", "field.duplicateKey");
    }

    [Fact]
    public void TwoStaticTextsWithTheSameKey_AreReportedAsDuplicateLayoutElements()
    {
        var problems = Check("""
            [ { "key": "intro", "type": "static", "content": "a" }, { "key": "intro", "type": "static", "content": "b" } ]
            """);

        ProblemAssert.Single(problems, "$.fields[1].key", "field.duplicateKey");
    }

    [Theory]
    [InlineData("first name")]
    [InlineData("first-name")]
    [InlineData("1stLine")]
    [InlineData("_hidden")]
    [InlineData("")]
    public void KeyThatIsNotAnIdentifier_IsReportedWithTheIdentifierHint(string key)
    {
        var problems = Check($$"""[ { "key": "{{key}}", "type": "text" } ]""");

        var problem = ProblemAssert.Single(problems, "$.fields[0].key", "field.keyFormat");
        Assert.Contains("letters, digits and '_'", problem.Message, StringComparison.Ordinal);
    }
}
