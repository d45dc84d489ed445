using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Common;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Common;

public sealed class ExpressionSyntaxRuleTests
{
    /// <summary>Stands in for the sandbox: rejects arrow functions, which ES5 cannot run.</summary>
    private sealed class RejectsArrows : IExpressionSyntaxChecker
    {
        public IReadOnlyList<ExpressionSyntaxError> Check(string source)
        {
            var at = source.IndexOf("=>", StringComparison.Ordinal);
            return at < 0 ? [] : [new ExpressionSyntaxError(1, at + 1, "Arrow functions are not supported; write function (x) { return ...; } instead.")];
        }
    }

    private const string Arrow = "lines.some(l => l.amount > 5)";

    [Fact]
    public void FormExpressions_AreCheckedAtTheirPaths()
    {
        var form = Form($$"""
            [
              { "key": "a", "type": "text", "visibleWhen": "{{Arrow}}", "requiredWhen": "b > 1", "readonlyWhen": "{{Arrow}}" },
              { "key": "lines", "type": "repeating", "fields": [ { "key": "t", "type": "computed", "computed": "{{Arrow}}" } ] }
            ]
            """, $$"""[ { "key": "v", "expression": "{{Arrow}}", "message": "m" } ]""");

        var problems = RuleRunner.RunCommon(new ExpressionSyntaxRule(), form, expressions: new RejectsArrows());

        Assert.Equal(
            ["$.fields[0].readonlyWhen", "$.fields[0].visibleWhen", "$.fields[1].fields[0].computed", "$.validations[0].expression"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Equal("expression.syntax", p.Code));
    }

    [Fact]
    public void SyntaxProblem_CarriesTheLineAndColumnWithinTheExpression()
    {
        var form = Form($$"""[ { "key": "a", "type": "text", "visibleWhen": "{{Arrow}}" } ]""");

        var problem = ProblemAssert.Single(RuleRunner.RunCommon(new ExpressionSyntaxRule(), form, expressions: new RejectsArrows()), "$.fields[0].visibleWhen", "expression.syntax");

        Assert.StartsWith("Line 1, column 14 of the expression: Arrow functions", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessExpressions_AreCheckedAtTheirPaths()
    {
        var process = Process($$"""
            [
              { "key": "s", "type": "script", "set": [ { "path": "x", "expression": "{{Arrow}}" } ] },
              { "key": "t", "type": "timer", "until": "{{Arrow}}" },
              { "key": "w", "type": "webhook", "webhook": { "url": "https://example.com", "body": "{{Arrow}}" } },
              { "key": "u", "type": "formTask", "assignee": { "external": { "email": "{{Arrow}}" } } },
              { "key": "v", "type": "approval", "assignee": { "expression": "{{Arrow}}" } },
              { "key": "done", "type": "end" }
            ]
            """);

        var problems = RuleRunner.RunCommon(new ExpressionSyntaxRule(), process, expressions: new RejectsArrows());

        Assert.Equal(
            ["$.steps[0].set[0].expression", "$.steps[1].until", "$.steps[2].webhook.body", "$.steps[3].assignee.external.email", "$.steps[4].assignee.expression"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RuleSetExpressions_AreCheckedAtTheirPathsIncludingInsideNotAndExists()
    {
        var ruleSet = RuleSet($$"""
            [
              {
                "name": "r",
                "when": [
                  { "expression": "{{Arrow}}" },
                  { "not": { "fact": "task", "where": [ { "expression": "{{Arrow}}" } ] } },
                  { "exists": { "fact": "task", "where": [ { "expression": "{{Arrow}}" } ] } }
                ],
                "then": [
                  { "type": "setData", "path": "x", "expression": "{{Arrow}}" },
                  { "type": "callWebhook", "webhook": { "url": "https://example.com", "body": "{{Arrow}}" } },
                  { "type": "assign", "assignee": { "expression": "{{Arrow}}" } }
                ]
              }
            ]
            """);

        var problems = RuleRunner.RunCommon(new ExpressionSyntaxRule(), ruleSet, expressions: new RejectsArrows());

        Assert.Equal(
            [
                "$.rules[0].then[0].expression", "$.rules[0].then[1].webhook.body", "$.rules[0].then[2].assignee.expression",
                "$.rules[0].when[0].expression", "$.rules[0].when[1].not.where[0].expression", "$.rules[0].when[2].exists.where[0].expression",
            ],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ValidExpressions_HaveNoProblems()
    {
        var form = Form("""[ { "key": "a", "type": "text", "visibleWhen": "total > 1000 && region === 'EU'" } ]""");

        ProblemAssert.None(RuleRunner.RunCommon(new ExpressionSyntaxRule(), form, expressions: new RejectsArrows()));
    }

    [Fact]
    public void WithoutASyntaxChecker_OnlyEmptyExpressionsAreReported()
    {
        var form = Form($$"""[ { "key": "a", "type": "text", "visibleWhen": "{{Arrow}}", "requiredWhen": " " } ]""");

        var problems = RuleRunner.RunCommon(new ExpressionSyntaxRule(), form);

        ProblemAssert.Single(problems, "$.fields[0].requiredWhen", "expression.empty");
    }
}
