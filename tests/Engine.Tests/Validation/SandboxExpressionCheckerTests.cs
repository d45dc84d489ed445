using LowCode.Engine.Expressions;
using LowCode.Engine.Validation;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation;

public sealed class SandboxExpressionCheckerTests
{
    private static readonly SandboxExpressionChecker Checker = new(ExpressionCompiler.Default);

    [Theory]
    [InlineData("total > 1000 && region === 'EU'")]
    [InlineData("round(sum(lines, 'amount'), 2)")]
    [InlineData("({ payee: employeeEmail, amount: total })")]
    public void ExpressionTheSandboxRuns_HasNoErrors(string source)
    {
        Assert.Empty(Checker.Check(source));
    }

    [Theory]
    [InlineData("lines.some(async l => l.amount > 5)")]
    [InlineData("let x = 1")]
    [InlineData("(class {})")]
    [InlineData("total >")]
    public void ExpressionTheSandboxRejects_GivesAPositionedError(string source)
    {
        var error = Assert.Single(Checker.Check(source));

        Assert.True(error.Line >= 1 && error.Column >= 1, $"{error.Line}:{error.Column}");
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Validator_WithTheSandboxChecker_ReportsAnAsyncArrowFunctionAtItsPath()
    {
        var form = Form("""[ { "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number" } ] }, { "key": "big", "type": "computed", "computed": "lines.some(async l => l.amount > 5)" } ]""");

        var problems = new DefinitionValidator(Checker).Validate(form);

        var problem = ProblemAssert.Single(problems, "$.fields[1].computed", "expression.syntax");
        Assert.StartsWith("Line 1, column ", problem.Message, StringComparison.Ordinal);
    }
}
