using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;

namespace LowCode.Engine.Tests.Expressions;

/// <summary>Every helper, with the examples docs/expressions.md shows.</summary>
public sealed class HelperLibraryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 5, 31, 14, 30, 0, TimeSpan.Zero);
    private readonly ExpressionEvaluator _evaluator = new();

    [Theory]
    [InlineData("get(order, 'customer.name')", "\"Ada\"")]
    [InlineData("get(order, 'customer.address.city', 'unknown')", "\"unknown\"")]
    [InlineData("get(order, 'lines[1].cost')", "4.5")]
    [InlineData("get(order.nothing, 'a.b')", "null")]
    [InlineData("coalesce(order.note, order.customer.name, 'n/a')", "\"Ada\"")]
    [InlineData("coalesce(null, '', '  ')", "null")]
    [InlineData("isEmpty(order.note)", "true")]
    [InlineData("isEmpty('  ')", "true")]
    [InlineData("isEmpty([])", "true")]
    [InlineData("isEmpty({})", "true")]
    [InlineData("isEmpty(0)", "false")]
    [InlineData("isEmpty(order.lines)", "false")]
    [InlineData("iif(order.lines.length > 1, 'many', 'one')", "\"many\"")]
    [InlineData("sum(order.lines, 'cost')", "15")]
    [InlineData("sum([1, 2, '3', null, ''])", "6")]
    [InlineData("sum([])", "0")]
    [InlineData("count(order.lines)", "3")]
    [InlineData("count(order.lines, 'discount')", "1")]
    [InlineData("count(order.lines, 'kind', 'service')", "2")]
    [InlineData("min(order.lines, 'cost')", "0.5")]
    [InlineData("max(order.lines, 'cost')", "10")]
    [InlineData("avg(order.lines, 'cost')", "5")]
    [InlineData("avg([])", "null")]
    [InlineData("contains(order.customer.name, 'd')", "true")]
    [InlineData("contains(order.tags, 'vip')", "true")]
    [InlineData("contains(null, 'x')", "false")]
    [InlineData("round(2.345, 2)", "2.35")]
    [InlineData("round(1.005, 2)", "1.01")]
    [InlineData("round(-2.5)", "-3")]
    [InlineData("today()", "\"2024-05-31\"")]
    [InlineData("now()", "\"2024-05-31T14:30:00.000Z\"")]
    [InlineData("dateDiff('2024-05-01', '2024-05-31')", "30")]
    [InlineData("dateDiff('2024-01-31', '2024-05-30', 'months')", "3")]
    [InlineData("dateDiff('2024-05-31T08:00:00Z', '2024-05-31T14:30:00Z', 'hours')", "6.5")]
    [InlineData("dateDiff(order.date, today(), 'weeks')", "4")]
    [InlineData("addDays('2024-02-27', 3)", "\"2024-03-01\"")]
    [InlineData("addDays('2024-05-31T10:00:00Z', -1)", "\"2024-05-30T10:00:00.000Z\"")]
    [InlineData("addMonths('2024-01-31', 1)", "\"2024-02-29\"")]
    [InlineData("age('1990-06-01')", "33")]
    [InlineData("age('1990-05-31')", "34")]
    [InlineData("matches(order.customer.email, '^[^@]+@[^@]+\\\\.[a-z]+$')", "true")]
    [InlineData("matches('ABC', '^abc$', 'i')", "true")]
    [InlineData("matches(Array(40).join('a') + 'b', '(a+)+$')", "false")]
    [InlineData("lower('ABC')", "\"abc\"")]
    [InlineData("upper(order.customer.name)", "\"ADA\"")]
    [InlineData("trim('  x  ')", "\"x\"")]
    [InlineData("len(order.customer.name) + len(order.lines) + len(null)", "6")]
    [InlineData("startsWith(order.customer.email, 'ada@')", "true")]
    [InlineData("endsWith(order.customer.email, '.org')", "true")]
    [InlineData("left('invoice-42', 7)", "\"invoice\"")]
    [InlineData("right('invoice-42', 2)", "\"42\"")]
    [InlineData("join(order.lines, ' / ', 'kind')", "\"service / goods / service\"")]
    [InlineData("join(order.tags)", "\"vip, new\"")]
    [InlineData("text(null) + text(12)", "\"12\"")]
    [InlineData("toNumber(' 12.5 ') + 1", "13.5")]
    [InlineData("toNumber('abc')", "null")]
    public void Helper_GivesTheDocumentedResult(string source, string expectedJson)
    {
        var result = _evaluator.Evaluate(source, Scope(), ExpectedType.Any, "$.helpers");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(expectedJson, result.Value.ToJsonNode()?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("sum(order.customer, 'x')", "sum(): the first argument must be an array")]
    [InlineData("dateDiff('yesterday', today())", "dateDiff(): expected a date")]
    [InlineData("dateDiff(today(), today(), 'fortnights')", "unknown unit 'fortnights'")]
    [InlineData("round('x')", "round(): the first argument must be a number")]
    [InlineData("matches('a', '(')", "matches(): invalid pattern")]
    public void Helper_WithBadArgument_ReportsARuntimeErrorNamingTheHelper(string source, string message)
    {
        var result = _evaluator.Evaluate(source, Scope(), ExpectedType.Any, "$.helpers");

        Assert.Equal(ExpressionErrorCategory.Runtime, result.Error!.Category);
        Assert.Contains(message, result.Error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _evaluator.Dispose();

    private static ExpressionScope Scope() => new ExpressionScope(Now).Set("order", JsonNode.Parse("""
        {
          "date": "2024-05-01",
          "note": null,
          "tags": ["vip", "new"],
          "customer": { "name": "Ada", "email": "ada@example.org" },
          "lines": [
            { "kind": "service", "cost": 10 },
            { "kind": "goods", "cost": 4.5, "discount": 0.1 },
            { "kind": "service", "cost": 0.5 }
          ]
        }
        """));
}
