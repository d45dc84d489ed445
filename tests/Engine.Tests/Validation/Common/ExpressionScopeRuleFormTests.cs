using LowCode.Engine.Expressions;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Common;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Common;

public sealed class ExpressionScopeRuleFormTests
{
    private static readonly SandboxExpressionChecker Sandbox = new(ExpressionCompiler.Default);

    private const string Fields = """
        { "key": "amount", "type": "number" },
        { "key": "a", "type": "number" },
        { "key": "b", "type": "number" },
        { "key": "lines", "type": "repeating", "fields": [ { "key": "cost", "type": "number" }, { "key": "kind", "type": "text" } ] }
        """;

    private static IReadOnlyList<ValidationProblem> Check(string expression, string fields = Fields) =>
        RuleRunner.RunCommon(new ExpressionScopeRule(), Form($$"""[ {{fields}}, { "key": "note", "type": "text", "visibleWhen": "{{expression}}" } ]"""), expressions: Sandbox);

    [Fact]
    public void MisspeltField_IsReportedWithPositionSuggestionAndWhatIsAvailable()
    {
        var problem = ProblemAssert.Single(Check("amout > 500"), "$.fields[4].visibleWhen", "expression.unknownName");

        Assert.Equal(
            "Line 1, column 1 of the expression: 'amout' is not a field of this form. Did you mean 'amount'? Available: a, amount, b, lines, note.",
            problem.Message);
    }

    [Fact]
    public void UnknownName_IsReportedAtItsFirstUse()
    {
        var problem = ProblemAssert.Single(Check("a > 1 &&\\n  amout > 500 || amout < 0"), "$.fields[4].visibleWhen", "expression.unknownName");

        Assert.StartsWith("Line 2, column 3 of the expression: 'amout'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryUnknownName_IsReportedOnce()
    {
        var problems = Check("amout > 1 && c > 2 && amout < 9");

        Assert.Equal(["'amout'", "'c'"], problems.Select(p => p.Message.Split(' ')[7]));
    }

    [Theory]
    [InlineData("sum(lines, 'cost') > 0")]
    [InlineData("lines.filter(function (l) { return l.cost > 5; }).length > 0")]
    [InlineData("Math.max(a, b) > 0")]
    [InlineData("JSON.stringify(lines).length > 2 && String(a) !== '' && Number(b) > 0 && !isNaN(parseFloat(a)) && isFinite(b)")]
    [InlineData("new Date(2024, 0, 31) < new Date(today()) && typeof undefined === 'undefined' && a !== NaN && b < Infinity")]
    [InlineData("lines.reduce(function (total, l) { var c = l.cost; try { return total + c; } catch (e) { return total; } }, 0) > 0")]
    [InlineData("(function half(n) { return n > 1 ? half(n / 2) : arguments.length; })(a) > 0")]
    [InlineData("iif(isEmpty(note), round(avg(lines, 'cost'), 2), count(lines, 'kind', 'x')) >= 0 && dateDiff(today(), now()) === 0")]
    [InlineData("Object.keys({ amountX: 1 }).length > 0 && [1, 2].indexOf(a) >= 0 && RegExp('x').test(note) && Array.isArray(lines)")]
    public void HelpersGlobalsAndCallbackLocals_AreNeverFlagged(string expression)
    {
        ProblemAssert.None(Check(expression));
    }

    [Fact]
    public void CallbackParameter_IsNotInScopeOutsideItsFunction()
    {
        var problem = ProblemAssert.Single(Check("lines.filter(function (l) { return l.cost > 5; }).length > l"), "$.fields[4].visibleWhen", "expression.unknownName");

        Assert.StartsWith("Line 1, column 60 of the expression: 'l' is not a field of this form.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltHelper_SuggestsTheHelper()
    {
        var problem = ProblemAssert.Single(Check("!isEmtpy(note)"), "$.fields[4].visibleWhen", "expression.unknownName");

        Assert.Contains("Did you mean 'isEmpty'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupChildren_AreFieldsOfTheForm_ButTheGroupAndStaticContentHoldNoValue()
    {
        const string fields = """
            { "key": "intro", "type": "static", "content": "Hello" },
            { "key": "address", "type": "group", "fields": [ { "key": "city", "type": "text" }, { "key": "zip", "type": "group", "fields": [ { "key": "code", "type": "text" } ] } ] }
            """;

        ProblemAssert.None(Check("city === 'Paris' && !isEmpty(code)", fields));
        var group = ProblemAssert.Single(Check("address.city === 'Paris'", fields), "$.fields[2].visibleWhen", "expression.unknownName");
        var text = ProblemAssert.Single(Check("isEmpty(intro)", fields), "$.fields[2].visibleWhen", "expression.unknownName");

        Assert.Contains("'address' is a group: it holds no value of its own, its fields are read by their own keys.", group.Message, StringComparison.Ordinal);
        Assert.Contains("'intro' is static content and holds no value.", text.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TableColumn_ReadOutsideItsRow_IsReportedWithHowToReadIt()
    {
        var problem = ProblemAssert.Single(Check("cost > 5"), "$.fields[4].visibleWhen", "expression.unknownName");

        Assert.Contains("'cost' is a column of the repeating group 'lines'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("sum(lines, 'cost')", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnExpressions_ReadTheirRowsColumnsAndTheFieldsAroundTheTable()
    {
        var form = Form("""
            [
              { "key": "limit", "type": "number" },
              { "key": "lines", "type": "repeating", "visibleWhen": "limit > 0", "fields": [
                { "key": "cost", "type": "number" },
                { "key": "reason", "type": "text", "requiredWhen": "cost > limit", "visibleWhen": "cots > limit" } ] }
            ]
            """);

        var problem = ProblemAssert.Single(RuleRunner.RunCommon(new ExpressionScopeRule(), form, expressions: Sandbox), "$.fields[1].fields[1].visibleWhen", "expression.unknownName");

        Assert.Equal(
            "Line 1, column 1 of the expression: 'cots' is not a column of 'lines' or a field of this form. Did you mean 'cost'? Available: cost, limit, lines, reason.",
            problem.Message);
    }

    [Fact]
    public void ValidationsAndComputedFields_AreChecked()
    {
        var form = Form("""
            [ { "key": "total", "type": "computed", "computed": "round(sum(lines, 'cost'), 2)" }, { "key": "lines", "type": "repeating", "fields": [ { "key": "cost", "type": "number" } ] } ]
            """, """[ { "key": "positive", "expression": "totl > 0", "message": "m" } ]""");

        var problem = ProblemAssert.Single(RuleRunner.RunCommon(new ExpressionScopeRule(), form, expressions: Sandbox), "$.validations[0].expression", "expression.unknownName");

        Assert.Contains("Did you mean 'total'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeScope_IsNotListed_ButStillSuggests()
    {
        var fields = string.Join(", ", Enumerable.Range(1, 20).Select(i => $$"""{ "key": "field{{i}}", "type": "text" }"""));

        var problem = ProblemAssert.Single(Check("isEmpty(feild7)", fields), "$.fields[20].visibleWhen", "expression.unknownName");

        Assert.EndsWith("Did you mean 'field7'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NameWithNothingClose_SaysHowToFixIt()
    {
        var problem = ProblemAssert.Single(Check("region === 'EU'"), "$.fields[4].visibleWhen", "expression.unknownName");

        Assert.Contains("'region' is not a field of this form. Correct the name, or add the field it should read. Available:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpressionThatDoesNotCompile_IsLeftToTheSyntaxRule()
    {
        ProblemAssert.None(Check("amout => 500"));
    }

    [Fact]
    public void WithoutAnExpressionChecker_NothingIsChecked()
    {
        var form = Form("""[ { "key": "a", "type": "text", "visibleWhen": "amout > 500" } ]""");

        ProblemAssert.None(RuleRunner.RunCommon(new ExpressionScopeRule(), form));
        ProblemAssert.None(RuleRunner.RunCommon(new ExpressionScopeRule(), form, expressions: new SyntaxOnly()));
    }

    [Fact]
    public void Validator_ReportsUnknownNamesBesideOtherProblems()
    {
        var form = Form("""[ { "key": "amount", "type": "number" }, { "key": "b", "type": "text", "visibleWhen": "amout > 500" } ]""");

        var problems = new DefinitionValidator(Sandbox).Validate(form);

        ProblemAssert.Single(problems, "$.fields[1].visibleWhen", "expression.unknownName");
    }

    /// <summary>A checker that predates variable reporting: the unknown-name check has nothing to work with.</summary>
    private sealed class SyntaxOnly : IExpressionSyntaxChecker
    {
        public IReadOnlyList<ExpressionSyntaxError> Check(string source) => [];
    }
}
