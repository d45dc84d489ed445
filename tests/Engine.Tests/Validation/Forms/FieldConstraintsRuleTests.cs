using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Forms;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Forms;

public sealed class FieldConstraintsRuleTests
{
    private static IReadOnlyList<ValidationProblem> Check(string fieldJson) =>
        RuleRunner.Run(new FieldConstraintsRule(), Form($"[ {fieldJson} ]"));

    [Fact]
    public void FieldsWhoseConstraintsFitTheirTypes_HaveNoProblems()
    {
        var problems = RuleRunner.Run(new FieldConstraintsRule(), Form("""
            [
              { "key": "name", "type": "text", "required": true, "minLength": 2, "maxLength": 80, "pattern": "^[A-Z].*$", "patternMessage": "Capitalise it." },
              { "key": "count", "type": "integer", "min": 0, "max": 10 },
              { "key": "due", "type": "date", "minDate": "2026-01-01", "maxDate": "2026-12-31" },
              { "key": "colour", "type": "select", "options": [ { "value": "red" }, { "value": "blue", "label": "Blue" } ] },
              { "key": "lines", "type": "repeating", "minRows": 1, "maxRows": 5, "fields": [ { "key": "amount", "type": "number" } ] },
              { "key": "total", "type": "computed", "computed": "sum(lines, 'amount')" },
              { "key": "intro", "type": "static", "content": "Hello" },
              { "key": "scan", "type": "file", "accept": [ "application/pdf" ], "maxSizeBytes": 1048576 }
            ]
            """));

        ProblemAssert.None(problems);
    }

    [Theory]
    [InlineData("""{ "key": "a", "type": "text", "min": 1 }""", "$.fields[0].min")]
    [InlineData("""{ "key": "a", "type": "date", "max": 1 }""", "$.fields[0].max")]
    [InlineData("""{ "key": "a", "type": "number", "minDate": "2026-01-01" }""", "$.fields[0].minDate")]
    [InlineData("""{ "key": "a", "type": "text", "maxDate": "2026-01-01" }""", "$.fields[0].maxDate")]
    [InlineData("""{ "key": "a", "type": "number", "minLength": 1 }""", "$.fields[0].minLength")]
    [InlineData("""{ "key": "a", "type": "boolean", "maxLength": 1 }""", "$.fields[0].maxLength")]
    [InlineData("""{ "key": "a", "type": "integer", "pattern": "^[0-9]+$" }""", "$.fields[0].pattern")]
    [InlineData("""{ "key": "a", "type": "text", "options": [ { "value": "x" } ] }""", "$.fields[0].options")]
    [InlineData("""{ "key": "a", "type": "text", "fields": [ { "key": "b", "type": "text" } ] }""", "$.fields[0].fields")]
    [InlineData("""{ "key": "a", "type": "group", "minRows": 1, "fields": [ { "key": "b", "type": "text" } ] }""", "$.fields[0].minRows")]
    [InlineData("""{ "key": "a", "type": "text", "maxRows": 1 }""", "$.fields[0].maxRows")]
    [InlineData("""{ "key": "a", "type": "number", "computed": "1 + 1" }""", "$.fields[0].computed")]
    [InlineData("""{ "key": "a", "type": "text", "accept": [ ".pdf" ] }""", "$.fields[0].accept")]
    [InlineData("""{ "key": "a", "type": "text", "maxSizeBytes": 100 }""", "$.fields[0].maxSizeBytes")]
    [InlineData("""{ "key": "a", "type": "static", "content": "x", "required": true }""", "$.fields[0].required")]
    [InlineData("""{ "key": "a", "type": "computed", "computed": "1", "required": true }""", "$.fields[0].required")]
    [InlineData("""{ "key": "a", "type": "group", "requiredWhen": "true", "fields": [ { "key": "b", "type": "text" } ] }""", "$.fields[0].requiredWhen")]
    public void ConstraintForAnotherFieldType_IsReportedAsNotApplicable(string fieldJson, string path)
    {
        var problems = Check(fieldJson);

        ProblemAssert.Single(problems, path, "field.constraintNotApplicable");
    }

    [Theory]
    [InlineData("""{ "key": "a", "type": "number", "min": 10, "max": 1 }""", "$.fields[0].min")]
    [InlineData("""{ "key": "a", "type": "date", "minDate": "2026-02-01", "maxDate": "2026-01-01" }""", "$.fields[0].minDate")]
    [InlineData("""{ "key": "a", "type": "text", "minLength": 10, "maxLength": 5 }""", "$.fields[0].minLength")]
    [InlineData("""{ "key": "a", "type": "repeating", "minRows": 3, "maxRows": 2, "fields": [ { "key": "b", "type": "text" } ] }""", "$.fields[0].minRows")]
    public void LowerBoundAboveUpperBound_IsReportedAtTheLowerBound(string fieldJson, string path)
    {
        var problems = Check(fieldJson);

        ProblemAssert.Single(problems, path, "field.minAboveMax");
    }

    [Fact]
    public void DateBoundThatIsNotAnIsoDate_IsReportedWithTheExpectedFormat()
    {
        var problems = Check("""{ "key": "a", "type": "date", "minDate": "01/31/2026" }""");

        var problem = ProblemAssert.Single(problems, "$.fields[0].minDate", "field.badDate");
        Assert.Contains("YYYY-MM-DD", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeLength_IsReported()
    {
        var problems = Check("""{ "key": "a", "type": "text", "maxLength": -1 }""");

        ProblemAssert.Single(problems, "$.fields[0].maxLength", "field.negativeLength");
    }

    [Fact]
    public void PatternThatDoesNotCompile_IsReported()
    {
        var problems = Check("""{ "key": "a", "type": "text", "pattern": "^[A-Z" }""");

        ProblemAssert.Single(problems, "$.fields[0].pattern", "field.badPattern");
    }

    [Theory]
    [InlineData("select")]
    [InlineData("multiselect")]
    public void ChoiceFieldWithoutOptions_IsReported(string type)
    {
        var problems = Check($$"""{ "key": "a", "type": "{{type}}" }""");

        ProblemAssert.Single(problems, "$.fields[0].options", "field.optionsMissing");
    }

    [Fact]
    public void RepeatedOptionValue_IsReportedAtTheSecondOption()
    {
        var problems = Check("""{ "key": "a", "type": "select", "options": [ { "value": "x" }, { "value": "y" }, { "value": "x" } ] }""");

        ProblemAssert.Single(problems, "$.fields[0].options[2].value", "field.duplicateOption");
    }

    [Theory]
    [InlineData("group")]
    [InlineData("repeating")]
    public void ContainerWithoutChildren_IsReported(string type)
    {
        var problems = Check($$"""{ "key": "a", "type": "{{type}}" }""");

        ProblemAssert.Single(problems, "$.fields[0].fields", "field.childrenMissing");
    }

    [Fact]
    public void ComputedFieldWithoutItsExpression_IsReported()
    {
        var problems = Check("""{ "key": "a", "type": "computed" }""");

        ProblemAssert.Single(problems, "$.fields[0].computed", "field.computedMissing");
    }

    [Fact]
    public void StaticFieldWithoutContent_IsReported()
    {
        var problems = Check("""{ "key": "a", "type": "static" }""");

        ProblemAssert.Single(problems, "$.fields[0].content", "field.contentMissing");
    }

    [Fact]
    public void FileFieldWithAZeroSizeLimit_IsReported()
    {
        var problems = Check("""{ "key": "a", "type": "file", "maxSizeBytes": 0 }""");

        ProblemAssert.Single(problems, "$.fields[0].maxSizeBytes", "field.badSize");
    }

    [Fact]
    public void ConstraintsOfNestedColumns_AreCheckedAtTheColumnsPath()
    {
        var problems = Check("""{ "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number", "min": 5, "max": 1 } ] }""");

        ProblemAssert.Single(problems, "$.fields[0].fields[0].min", "field.minAboveMax");
    }

    [Fact]
    public void FieldOfUnknownType_IsLeftToTheFieldTypeRule()
    {
        var problems = Check("""{ "key": "a", "type": "money", "min": 1, "pattern": "[" }""");

        ProblemAssert.None(problems);
    }

    // Regression: a negative maxRows on its own passed, though no table could ever satisfy it.
    [Fact]
    public void NegativeMaxRowsWithoutMinRows_IsReported()
    {
        var problems = Check("""{ "key": "lines", "type": "repeating", "maxRows": -1, "fields": [ { "key": "b", "type": "text" } ] }""");

        ProblemAssert.Single(problems, "$.fields[0].maxRows", "field.negativeRows");
    }
}
