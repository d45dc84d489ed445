using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.RuleSets;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.RuleSets;

public sealed class ConditionShapeRuleTests
{
    private static IReadOnlyList<ValidationProblem> Check(string whenJson) => RuleRunner.Run(new ConditionShapeRule(), When(whenJson));

    [Fact]
    public void ConditionsOfEveryShape_HaveNoProblems()
    {
        var problems = Check("""
            [
              { "path": "total", "op": ">", "value": 1000 },
              { "fact": "task", "path": "outcome", "op": "==", "value": "approved" },
              { "expression": "riskRating === 'high'" },
              { "not": { "fact": "exception", "where": [ { "path": "code", "op": "==", "value": "BLOCKED" } ] } },
              { "exists": { "fact": "task" } },
              { "path": "country", "op": "in", "value": [ "PA", "KY" ] },
              { "path": "total", "op": "between", "value": [ 100, 500 ] },
              { "path": "reference", "op": "matches", "value": "^INV-[0-9]+$" },
              { "path": "notes", "op": "isEmpty" }
            ]
            """);

        ProblemAssert.None(problems);
    }

    public static TheoryData<string> ComparisonOperators => [.. ActionTypes.Operators.Where(o => o is not ("in" or "notIn" or "between" or "matches" or "isEmpty" or "isNotEmpty"))];

    [Theory]
    [MemberData(nameof(ComparisonOperators))]
    public void EveryComparisonOperatorWithAValue_IsAccepted(string op)
    {
        ProblemAssert.None(Check($$"""[ { "path": "x", "op": "{{op}}", "value": "a" } ]"""));
    }

    [Theory]
    [InlineData("""{ }""")]
    [InlineData("""{ "expression": "true", "exists": { "fact": "task" } }""")]
    [InlineData("""{ "not": { "fact": "task" }, "exists": { "fact": "task" } }""")]
    [InlineData("""{ "fact": "task", "value": 1 }""")]
    public void ConditionWithoutExactlyOneShape_IsReportedAtTheCondition(string conditionJson)
    {
        var problem = ProblemAssert.Single(Check($"[ {conditionJson} ]"), "$.rules[0].when[0]", "condition.shape");

        Assert.Contains("exactly one of", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFact_IsReportedWithADidYouMeanHint()
    {
        var problem = ProblemAssert.Single(Check("""[ { "fact": "tasks", "path": "outcome", "op": "==", "value": "x" } ]"""), "$.rules[0].when[0].fact", "condition.unknownFact");

        Assert.Contains("Did you mean 'task'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OperatorWithoutAPath_IsReportedAtPath()
    {
        ProblemAssert.Single(Check("""[ { "op": ">", "value": 1 } ]"""), "$.rules[0].when[0].path", "condition.pathMissing");
    }

    [Theory]
    [InlineData("=", "==")]
    [InlineData("startswith", "startsWith")]
    [InlineData("isempty", "isEmpty")]
    public void UnknownOperator_IsReportedWithADidYouMeanHint(string op, string suggested)
    {
        var problem = ProblemAssert.Single(Check($$"""[ { "path": "x", "op": "{{op}}", "value": 1 } ]"""), "$.rules[0].when[0].op", "condition.unknownOperator");

        Assert.Contains($"Did you mean '{suggested}'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PathWithoutAnOperator_IsReportedAtOp()
    {
        ProblemAssert.Single(Check("""[ { "path": "x", "value": 1 } ]"""), "$.rules[0].when[0].op", "condition.unknownOperator");
    }

    [Theory]
    [InlineData("isEmpty")]
    [InlineData("isNotEmpty")]
    public void EmptinessTestWithAValue_IsReported(string op)
    {
        ProblemAssert.Single(Check($$"""[ { "path": "x", "op": "{{op}}", "value": "" } ]"""), "$.rules[0].when[0].value", "condition.valueNotApplicable");
    }

    [Theory]
    [InlineData("in", "\"EU\"")]
    [InlineData("notIn", "{ \"a\": 1 }")]
    [InlineData("between", "[ 1 ]")]
    [InlineData("between", "[ 1, 2, 3 ]")]
    [InlineData("between", "100")]
    [InlineData("matches", "42")]
    public void ValueOfTheWrongShapeForTheOperator_IsReported(string op, string value)
    {
        ProblemAssert.Single(Check($$"""[ { "path": "x", "op": "{{op}}", "value": {{value}} } ]"""), "$.rules[0].when[0].value", "condition.valueShape");
    }

    [Fact]
    public void MatchesWithARegularExpressionThatDoesNotCompile_IsReported()
    {
        ProblemAssert.Single(Check("""[ { "path": "x", "op": "matches", "value": "([a-z" } ]"""), "$.rules[0].when[0].value", "condition.badPattern");
    }

    [Theory]
    [InlineData("==")]
    [InlineData(">")]
    [InlineData("contains")]
    public void ComparisonWithoutAValue_IsReported(string op)
    {
        ProblemAssert.Single(Check($$"""[ { "path": "x", "op": "{{op}}" } ]"""), "$.rules[0].when[0].value", "condition.valueMissing");
    }

    [Fact]
    public void UnknownFactOfANotPattern_IsReportedInsideNot()
    {
        ProblemAssert.Single(Check("""[ { "not": { "fact": "invoice" } } ]"""), "$.rules[0].when[0].not.fact", "condition.unknownFact");
    }

    [Fact]
    public void ConditionsInsideExists_AreCheckedAtTheirNestedPath()
    {
        var problems = Check("""[ { "path": "a", "op": "==", "value": 1 }, { "exists": { "fact": "exception", "where": [ { "path": "code", "op": "~=", "value": "X" } ] } } ]""");

        ProblemAssert.Single(problems, "$.rules[0].when[1].exists.where[0].op", "condition.unknownOperator");
    }

    [Theory]
    [InlineData("""{ "expression": "total > 1000", "fact": "task" }""", "$.rules[0].when[0].fact", "expression")]
    [InlineData("""{ "expression": "total > 1000", "value": 1000 }""", "$.rules[0].when[0].value", "expression")]
    [InlineData("""{ "expression": "total > 1000", "path": "total" }""", "$.rules[0].when[0].path", "expression")]
    [InlineData("""{ "expression": "total > 1000", "op": ">" }""", "$.rules[0].when[0].op", "expression")]
    [InlineData("""{ "not": { "fact": "task" }, "fact": "task" }""", "$.rules[0].when[0].fact", "not")]
    [InlineData("""{ "exists": { "fact": "exception" }, "value": "BLOCKED" }""", "$.rules[0].when[0].value", "exists")]
    public void StructuredPartBesideAnotherShape_IsReportedAtThatPartWithWhatToWriteInstead(string conditionJson, string path, string shape)
    {
        var problem = ProblemAssert.Single(Check($"[ {conditionJson} ]"), path, "condition.propertyNotApplicable");

        Assert.Contains($"beside '{shape}'", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"remove '{shape}' to keep the structured test", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpressionWrittenOverAWholeStructuredTest_ReportsEachStructuredPart()
    {
        var problems = Check("""[ { "path": "total", "op": ">", "value": 1, "expression": "total > 1" } ]""");

        Assert.Equal(
            ["$.rules[0].when[0].path", "$.rules[0].when[0].op", "$.rules[0].when[0].value"],
            problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Equal("condition.propertyNotApplicable", p.Code));
    }

    [Fact]
    public void StrayPartOfAConditionInsideNot_IsReportedAtItsNestedPath()
    {
        var problems = Check("""[ { "not": { "fact": "task", "where": [ { "expression": "outcome === 'rejected'", "fact": "task" } ] } } ]""");

        ProblemAssert.Single(problems, "$.rules[0].when[0].not.where[0].fact", "condition.propertyNotApplicable");
    }
}
