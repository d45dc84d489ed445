using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Forms;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Forms;

public sealed class FieldTypeRuleTests
{
    public static TheoryData<string> KnownTypes => [.. FieldTypes.Names];

    [Theory]
    [MemberData(nameof(KnownTypes))]
    public void EveryKnownFieldType_IsAccepted(string type)
    {
        var problems = RuleRunner.Run(new FieldTypeRule(), Form($$"""[ { "key": "a", "type": "{{type}}" } ]"""));

        ProblemAssert.None(problems);
    }

    [Theory]
    [InlineData("txt", "text")]
    [InlineData("Number", "number")]
    [InlineData("multiSelect", "multiselect")]
    [InlineData("dateTime", "datetime")]
    [InlineData("repeatng", "repeating")]
    public void MisspeltFieldType_IsReportedWithADidYouMeanHint(string written, string suggested)
    {
        var problems = RuleRunner.Run(new FieldTypeRule(), Form($$"""[ { "key": "a", "type": "{{written}}" } ]"""));

        var problem = ProblemAssert.Single(problems, "$.fields[0].type", "field.unknownType");
        Assert.Contains($"Did you mean '{suggested}'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFieldTypeFarFromAnyKnownOne_ListsTheKnownTypesWithoutAGuess()
    {
        var problems = RuleRunner.Run(new FieldTypeRule(), Form("""[ { "key": "a", "type": "signature-pad" } ]"""));

        var problem = ProblemAssert.Single(problems, "$.fields[0].type", "field.unknownType");
        Assert.DoesNotContain("Did you mean", problem.Message, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", FieldTypes.Names), problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTypeOfANestedColumn_IsReportedAtTheColumnsPath()
    {
        var problems = RuleRunner.Run(new FieldTypeRule(), Form("""
            [ { "key": "lines", "type": "repeating", "fields": [ { "key": "ok", "type": "text" }, { "key": "amount", "type": "money" } ] } ]
            """));

        ProblemAssert.Single(problems, "$.fields[0].fields[1].type", "field.unknownType");
    }
}
