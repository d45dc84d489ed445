using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;

namespace LowCode.Engine.Tests.Expressions;

/// <summary>Evaluations for different tenants and instances share engines (lent one evaluation at a time); nothing may pass between them.</summary>
public sealed class TenantIsolationTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 5, 31, 0, 0, 0, TimeSpan.Zero);
    private readonly ExpressionEvaluator _evaluator = new();

    [Fact]
    public void MutatingScopeObjects_DoesNotChangeTheCallersDataOrTheNextEvaluation()
    {
        var data = JsonNode.Parse("""[{"owner":"tenant-a"}]""");
        var scope = new ExpressionScope(Now).Set("rows", data);

        var first = _evaluator.Evaluate("(function () { rows[0].owner = 'mallory'; rows.push({}); return rows.length; })()", scope, ExpectedType.Number, "a");
        var second = _evaluator.Evaluate("rows[0].owner + ':' + rows.length", scope, ExpectedType.Text, "b");

        Assert.Equal(2, first.Value.AsNumber());
        Assert.Equal("tenant-a:1", second.Value.AsText());
        Assert.Equal("""[{"owner":"tenant-a"}]""", data!.ToJsonString());
    }

    [Fact]
    public void VariablesOfOneScope_AreNotVisibleToAnotherScopesEvaluation()
    {
        _evaluator.Evaluate("secret.length", new ExpressionScope(Now).Set("secret", "tenant-a-password"), ExpectedType.Number, "a");

        var result = _evaluator.Evaluate("typeof secret", new ExpressionScope(Now), ExpectedType.Text, "b");

        Assert.Equal("undefined", result.Value.AsText());
    }

    [Fact]
    public void TheSameExpression_SeesOnlyTheScopeOfEachEvaluation()
    {
        const string Source = "typeof secret === 'string' ? secret : 'none'";

        var first = _evaluator.Evaluate(Source, new ExpressionScope(Now).Set("secret", "tenant-a"), ExpectedType.Text, "a");
        var second = _evaluator.Evaluate(Source, new ExpressionScope(Now), ExpectedType.Text, "b");
        var third = _evaluator.Evaluate(Source, new ExpressionScope(Now).Set("secret", "tenant-c"), ExpectedType.Text, "c");

        Assert.Equal(["tenant-a", "none", "tenant-c"], [first.Value.AsText(), second.Value.AsText(), third.Value.AsText()]);
    }

    [Fact]
    public void AnInput_CannotBeChangedFromACallback()
    {
        var scope = new ExpressionScope(Now).Set("amount", 3);

        var changed = _evaluator.Evaluate("[1].map(function (x) { amount = 5; return x; })[0]", scope, ExpectedType.Number, "$.fields[0].computed");
        var next = _evaluator.Evaluate("amount", scope, ExpectedType.Number, "$.fields[1].computed");

        Assert.Equal(ExpressionErrorCategory.Forbidden, changed.Error!.Category);
        Assert.Contains("'amount' is not a local variable here: an input of the expression cannot be changed", changed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, next.Value.AsNumber());
    }

    [Fact]
    public void AnUndeclaredAssignment_IsRejectedAndCreatesNoGlobal()
    {
        var result = _evaluator.Evaluate("[1].map(function (x) { leaked = x; return x; })[0]", new ExpressionScope(Now), ExpectedType.Number, "a");
        var next = _evaluator.Evaluate("typeof leaked", new ExpressionScope(Now), ExpectedType.Text, "b");

        Assert.Equal(ExpressionErrorCategory.Forbidden, result.Error!.Category);
        Assert.Equal("undefined", next.Value.AsText());
    }

    [Fact]
    public void FunctionLocalsAndCaches_DoNotSurviveTheEvaluation()
    {
        const string Source = "((a, cache = []) => { cache.push(a); const r = cache.length; return r; })(1)";
        _evaluator.Evaluate(Source, new ExpressionScope(Now), ExpectedType.Number, "a");

        Assert.Equal(1, _evaluator.Evaluate(Source, new ExpressionScope(Now), ExpectedType.Number, "b").Value.AsNumber());
    }

    [Fact]
    public void RegexLastIndex_DoesNotCarryIntoTheNextEvaluation()
    {
        const string Source = "(function () { var r = /a/g; r.exec('aaa'); r.exec('aaa'); return r.lastIndex; })()";

        Assert.Equal(2, _evaluator.Evaluate(Source, new ExpressionScope(Now), ExpectedType.Number, "a").Value.AsNumber());
        Assert.Equal(2, _evaluator.Evaluate(Source, new ExpressionScope(Now), ExpectedType.Number, "b").Value.AsNumber());
    }

    [Fact]
    public void ClockOfOneEvaluation_IsNotSeenByTheNext()
    {
        var first = _evaluator.Evaluate("today()", new ExpressionScope(Now), ExpectedType.Text, "a");
        var second = _evaluator.Evaluate("today()", new ExpressionScope(Now.AddDays(1)), ExpectedType.Text, "b");

        Assert.Equal(("2024-05-31", "2024-06-01"), (first.Value.AsText(), second.Value.AsText()));
    }

    [Fact]
    public void ResultObjects_AreDetachedFromTheEngine()
    {
        var result = _evaluator.Evaluate("({ items: [1, 2] })", new ExpressionScope(Now), ExpectedType.Record, "a");
        result.Value.AsNode()["items"]!.AsArray().Add(3);

        var again = _evaluator.Evaluate("({ items: [1, 2] })", new ExpressionScope(Now), ExpectedType.Record, "b");

        Assert.Equal("""{"items":[1,2]}""", again.Value.AsNode().ToJsonString());
    }

    public void Dispose() => _evaluator.Dispose();
}
