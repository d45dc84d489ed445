using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Forms;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Forms;

public sealed class FieldDefaultRuleTests
{
    private static IReadOnlyList<ValidationProblem> Check(string fieldJson) =>
        RuleRunner.Run(new FieldDefaultRule(), Form($"[ {fieldJson} ]"));

    [Theory]
    [InlineData("""{ "key": "a", "type": "select", "options": [ { "value": "x" } ], "default": "x" }""")]
    [InlineData("""{ "key": "a", "type": "multiselect", "options": [ { "value": "x" }, { "value": "y" } ], "default": [ "x", "y" ] }""")]
    [InlineData("""{ "key": "a", "type": "number", "min": 1, "max": 10, "default": 5 }""")]
    [InlineData("""{ "key": "a", "type": "integer", "default": 3 }""")]
    [InlineData("""{ "key": "a", "type": "boolean", "default": true }""")]
    [InlineData("""{ "key": "a", "type": "text", "maxLength": 10, "default": "hello" }""")]
    [InlineData("""{ "key": "a", "type": "date", "default": "2026-01-31" }""")]
    [InlineData("""{ "key": "a", "type": "datetime", "default": "2026-01-31T09:00:00Z" }""")]
    [InlineData("""{ "key": "a", "type": "repeating", "fields": [ { "key": "b", "type": "text" } ], "default": [ { "b": "row" } ] }""")]
    [InlineData("""{ "key": "a", "type": "text", "default": null }""")]
    [InlineData("""{ "key": "a", "type": "money", "default": "anything" }""")]
    public void DefaultTheFieldCanHold_HasNoProblems(string fieldJson)
    {
        ProblemAssert.None(Check(fieldJson));
    }

    [Theory]
    [InlineData("""{ "key": "a", "type": "select", "options": [ { "value": "x" } ], "default": "z" }""")]
    [InlineData("""{ "key": "a", "type": "multiselect", "options": [ { "value": "x" } ], "default": [ "x", "z" ] }""")]
    [InlineData("""{ "key": "a", "type": "multiselect", "options": [ { "value": "x" } ], "default": "x" }""")]
    [InlineData("""{ "key": "a", "type": "number", "default": "ten" }""")]
    [InlineData("""{ "key": "a", "type": "number", "min": 1, "max": 5, "default": 9 }""")]
    [InlineData("""{ "key": "a", "type": "integer", "default": 2.5 }""")]
    [InlineData("""{ "key": "a", "type": "boolean", "default": "yes" }""")]
    [InlineData("""{ "key": "a", "type": "text", "default": 42 }""")]
    [InlineData("""{ "key": "a", "type": "text", "maxLength": 3, "default": "too long" }""")]
    [InlineData("""{ "key": "a", "type": "date", "default": "31/01/2026" }""")]
    [InlineData("""{ "key": "a", "type": "datetime", "default": "soon" }""")]
    [InlineData("""{ "key": "a", "type": "repeating", "fields": [ { "key": "b", "type": "text" } ], "default": { "b": "x" } }""")]
    [InlineData("""{ "key": "a", "type": "computed", "computed": "1", "default": 1 }""")]
    [InlineData("""{ "key": "a", "type": "static", "content": "x", "default": "x" }""")]
    [InlineData("""{ "key": "a", "type": "file", "default": "scan.pdf" }""")]
    public void DefaultTheFieldCouldNeverHold_IsReportedAtDefault(string fieldJson)
    {
        ProblemAssert.Single(Check(fieldJson), "$.fields[0].default", "field.badDefault");
    }

    // Regression: number defaults were held to min/max and text defaults to their lengths, but date defaults were not
    // held to minDate/maxDate, nor text defaults to their pattern, so these forms started out invalid.
    [Theory]
    [InlineData("""{ "key": "a", "type": "date", "minDate": "2026-01-01", "default": "2020-06-30" }""")]
    [InlineData("""{ "key": "a", "type": "date", "maxDate": "2026-01-01", "default": "2027-06-30" }""")]
    [InlineData("""{ "key": "a", "type": "text", "pattern": "^CC-[0-9]{4}$", "default": "CC-12" }""")]
    public void DefaultOutsideTheFieldsOwnDateRangeOrPattern_IsReportedAtDefault(string fieldJson)
    {
        ProblemAssert.Single(Check(fieldJson), "$.fields[0].default", "field.badDefault");
    }

    [Fact]
    public void DefaultOfANestedColumn_IsReportedAtTheColumnsPath()
    {
        var problems = Check("""{ "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number", "default": "0" } ] }""");

        ProblemAssert.Single(problems, "$.fields[0].fields[0].default", "field.badDefault");
    }

    [Fact]
    public void SelectDefault_NamesTheOptionsInItsMessage()
    {
        var problem = ProblemAssert.Single(Check("""{ "key": "a", "type": "select", "options": [ { "value": "eur" }, { "value": "usd" } ], "default": "gbp" }"""), "$.fields[0].default", "field.badDefault");

        Assert.Contains("eur, usd", problem.Message, StringComparison.Ordinal);
    }
}
