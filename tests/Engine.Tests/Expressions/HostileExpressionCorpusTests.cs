using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace LowCode.Engine.Tests.Expressions;

/// <summary>
/// Runs every case of Corpus/hostile-expressions.json: each ends as its categorised error or as a bounded safe value,
/// and afterwards a fixed set of canaries, run on the same thread and engine, gives exactly what it gives on a fresh
/// engine. The backstop clock is frozen (it never advances), so every case is stopped by a deterministic budget; the
/// one real-time bound left is <see cref="ExpressionLimits.RegexTimeout"/>, which stops the catastrophic regex cases.
/// </summary>
public sealed class HostileExpressionCorpusTests : IDisposable
{
    /// <summary>What a script could change for the next evaluation: built-ins, helpers, globals, iterators, errors, dates, regexes.</summary>
    internal static readonly string[] Canaries =
    [
        "amount > 1000 && region === 'EU'",
        "[({}).polluted, [].polluted, ''.polluted, (() => 1).polluted, Object.polluted, lines[0].secret, typeof leaked, typeof region2]",
        "[typeof sum, sum(lines, 'qty'), [1, 2].join('-'), 'a'.trim(), Math.PI, Math.max(1, 2), JSON.parse('[1]')[0], [3, 1].indexOf(1)]",
        "[...lines].map(l => l.qty).filter(q => q > 1).reduce((a, b) => a + b, 0)",
        "[...new Set([1, 1, 2])].length + [...new Map([[1, 2]]).keys()].length + [...'ab'].length",
        "[new Error('m').message, new TypeError('t').name, String(new RangeError('r'))]",
        "[now(), today(), Date.now(), new Date().toISOString(), new Date(2020, 0, 1).getTime()]",
        "[/a(b)/.exec('ab')[1], 'aXb'.replace(/x/i, '-'), 'a,b'.split(','), Object.keys(RegExp)]",
        "[Object.getOwnPropertyNames(Object.prototype).length, Object.getOwnPropertyNames(Array.prototype).length, Object.isFrozen(Object.prototype)]",
        "`${region}-${amount ?? 0}-${lines?.[0]?.qty}`",
        "(() => { try { return notThere; } catch (e) { return e.name; } })()",
    ];

    private static readonly DateTimeOffset Now = new(2024, 5, 31, 12, 0, 0, TimeSpan.Zero);

    private readonly ExpressionEvaluator _evaluator = new(ExpressionLimits.Default, new FakeTimeProvider(Now));

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Load())
        {
            data.Add(entry.Name);
        }

        return data;
    }

    [Fact]
    public void Corpus_HasTheOriginalCasesPlusTheJint4Ones_WithUniqueNames()
    {
        var cases = Load();
        Assert.True(cases.Count >= 124, $"only {cases.Count} cases");
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void HostileExpression_EndsAsItsErrorOrABoundedValue_WithTheClockFrozen_AndTheNextEvaluationIsUnaffected(string name)
    {
        var entry = Load().Single(c => c.Name == name);
        var label = "$.corpus." + name;

        var result = _evaluator.Evaluate(entry.Source, Scope(), entry.Expected, label);

        if (entry.Category is { } category)
        {
            Assert.False(result.IsSuccess, $"{name} succeeded with {result.Value}");
            Assert.Equal(category, result.Error!.Category);
            Assert.Equal(label, result.Error.Label);
            Assert.StartsWith(label + ": ", result.Error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.True(result.IsSuccess, result.ToString());
            Assert.True(JsonNode.DeepEquals(entry.Result, result.Value.ToJsonNode()), $"{name} returned {result.Value}");
        }

        Assert.Equal(CanaryResults(new ExpressionEvaluator(ExpressionLimits.Default)), CanaryResults(_evaluator));
    }

    public void Dispose() => _evaluator.Dispose();

    internal static string[] CanaryResults(ExpressionEvaluator evaluator)
        => [.. Canaries.Select(source => evaluator.Evaluate(source, Scope(), ExpectedType.Any, "$.canary").ToString())];

    internal static ExpressionScope Scope() => new ExpressionScope(Now)
        .Set("amount", 1500)
        .Set("region", "EU")
        .Set("lines", JsonNode.Parse("""[{"qty":1,"price":10},{"qty":2,"price":20},{"qty":3,"price":30}]"""));

    internal static List<CorpusCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Expressions", "Corpus", "hostile-expressions.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => new CorpusCase(
            e.GetProperty("name").GetString()!,
            e.GetProperty("source").GetString()!,
            e.TryGetProperty("category", out var category) ? Enum.Parse<ExpressionErrorCategory>(category.GetString()!) : null,
            e.TryGetProperty("result", out var value) ? JsonNode.Parse(value.GetRawText()) : null,
            e.TryGetProperty("expected", out var expected) ? Enum.Parse<ExpectedType>(expected.GetString()!) : ExpectedType.Any)).ToList();
    }

    internal sealed record CorpusCase(string Name, string Source, ExpressionErrorCategory? Category, JsonNode? Result, ExpectedType Expected);
}
