using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;

namespace LowCode.Engine.Tests.Expressions;

/// <summary>
/// Runs every case of Corpus/hostile-expressions.json: each must fail with its categorised error, and the
/// evaluation after it, on the same thread and engine, must behave exactly as on a fresh sandbox.
/// </summary>
public sealed class HostileExpressionCorpusTests : IDisposable
{
    private const string Canary =
        "amount > 1000 && region === 'EU' && ({}).polluted === undefined && [].polluted === undefined"
        + " && typeof sum === 'function' && sum(lines, 'qty') === 6 && [1, 2].join('-') === '1-2'"
        + " && typeof leaked === 'undefined' && 'a'.trim() === 'a' && Math.PI > 3.14 && lines[0].secret === undefined"
        + " && ({}).message === undefined && sum.name === undefined && new Error('m').message === 'm'";

    // Generous wall-clock limits keep the categories stable on a loaded machine (a regex timeout also counts the time
    // spent in replace callbacks, including their first JIT compilation); catastrophic patterns exceed any of them.
    private static readonly ExpressionLimits Limits = ExpressionLimits.Default with
    {
        Timeout = TimeSpan.FromSeconds(10),
        RegexTimeout = TimeSpan.FromMilliseconds(250),
    };

    private readonly ExpressionEvaluator _evaluator = new(Limits);

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
    public void Corpus_HasAtLeastSixtyCases_WithUniqueNames()
    {
        var cases = Load();
        Assert.True(cases.Count >= 60, $"only {cases.Count} cases");
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void HostileExpression_FailsWithItsCategory_AndTheNextEvaluationIsUnaffected(string name)
    {
        var entry = Load().Single(c => c.Name == name);
        var label = "$.corpus." + name;

        var result = _evaluator.Evaluate(entry.Source, Scope(), entry.Expected, label);

        Assert.False(result.IsSuccess, $"{name} succeeded with {result.Value}");
        Assert.Equal(entry.Category, result.Error!.Category);
        Assert.Equal(label, result.Error.Label);
        Assert.StartsWith(label + ": ", result.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error.ToString(), StringComparison.Ordinal);

        var next = _evaluator.Evaluate(Canary, Scope(), ExpectedType.Boolean, "$.canary");
        Assert.True(next.IsSuccess, next.ToString());
        Assert.True(next.Value.AsBoolean());
    }

    public void Dispose() => _evaluator.Dispose();

    private static ExpressionScope Scope() => new ExpressionScope(new DateTimeOffset(2024, 5, 31, 12, 0, 0, TimeSpan.Zero))
        .Set("amount", 1500)
        .Set("region", "EU")
        .Set("lines", JsonNode.Parse("""[{"qty":1,"price":10},{"qty":2,"price":20},{"qty":3,"price":30}]"""));

    private static List<CorpusCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Expressions", "Corpus", "hostile-expressions.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => new CorpusCase(
            e.GetProperty("name").GetString()!,
            e.GetProperty("source").GetString()!,
            Enum.Parse<ExpressionErrorCategory>(e.GetProperty("category").GetString()!),
            e.TryGetProperty("expected", out var expected) ? Enum.Parse<ExpectedType>(expected.GetString()!) : ExpectedType.Any)).ToList();
    }

    private sealed record CorpusCase(string Name, string Source, ExpressionErrorCategory Category, ExpectedType Expected);
}
