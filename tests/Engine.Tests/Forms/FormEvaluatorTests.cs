using static LowCode.Engine.Tests.Forms.FormTesting;

namespace LowCode.Engine.Tests.Forms;

public sealed class FormEvaluatorTests
{
    [Fact]
    public void ValidDataIsStoredCoercedAndHasNoErrors()
    {
        var result = Evaluate(
            """[ { "key": "name", "type": "text", "required": true }, { "key": "amount", "type": "number", "min": 0 } ]""",
            """{ "name": "Ada", "amount": "12.5" }""");

        Assert.True(result.IsValid, result.Codes());
        Assert.Equal("""{"name":"Ada","amount":12.5}""", result.ValuesJson());
    }

    [Fact]
    public void EveryErrorIsReportedAtOnce()
    {
        var result = Evaluate(
            """[ { "key": "name", "type": "text", "required": true }, { "key": "amount", "type": "number", "min": 1 }, { "key": "count", "type": "integer" } ]""",
            """{ "amount": 0, "count": "many" }""");

        Assert.False(result.IsValid);
        Assert.Equal("name:required,amount:min,count:type", result.Codes());
    }

    [Fact]
    public void NullDataIsAnEmptyForm()
    {
        var result = Evaluate("""[ { "key": "name", "type": "text", "default": "Ada" } ]""", null);

        Assert.True(result.IsValid);
        Assert.Equal("""{"name":"Ada"}""", result.ValuesJson());
    }

    [Fact]
    public void TheSameDefinitionInstanceIsPreparedOnceAndGivesTheSameAnswerEachTime()
    {
        var form = Validation.Definitions.Form("""[ { "key": "a", "type": "number" }, { "key": "b", "type": "computed", "computed": "a * 2" } ]""");

        var first = Evaluate(form, """{ "a": 2 }""");
        var second = Evaluate(form, """{ "a": 3 }""");

        Assert.Equal("""{"a":2,"b":4}""", first.ValuesJson());
        Assert.Equal("""{"a":3,"b":6}""", second.ValuesJson());
    }

    [Fact]
    public void ManyThreadsEvaluatingTheSameDefinitionGetTheSameAnswers()
    {
        var form = Validation.Definitions.Form("""
            [
              { "key": "n", "type": "integer" },
              { "key": "lines", "type": "repeating", "fields": [ { "key": "x", "type": "number" }, { "key": "y", "type": "computed", "computed": "x * n" } ] },
              { "key": "total", "type": "computed", "computed": "sum(lines, 'y')" },
              { "key": "note", "type": "text", "visibleWhen": "total > 100", "requiredWhen": "total > 100" }
            ]
            """);
        var expected = Enumerable.Range(0, 64).Select(n => n * 6 > 100 ? $"{n * 6}:note:required" : $"{n * 6}:").ToArray();

        var actual = new string[64];
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
        {
            var result = Evaluate(form, $$"""{ "n": {{n}}, "lines": [ { "x": 1 }, { "x": 2 }, { "x": 3 } ] }""");
            actual[n] = $"{result.Values["total"]}:{result.Codes()}";
        });

        Assert.Equal(expected, actual);
    }
}
