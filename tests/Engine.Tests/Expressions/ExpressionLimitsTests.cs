using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace LowCode.Engine.Tests.Expressions;

/// <summary>One test per limit: just inside it succeeds, just past it fails with the limit's category.</summary>
public sealed class ExpressionLimitsTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // The defaults: wall-clock time is only a 5 s backstop, so it never decides an outcome here on a busy machine.
    private static readonly ExpressionLimits Relaxed = ExpressionLimits.Default;

    [Fact]
    public void Defaults_AreTheDocumentedSafeValues()
    {
        var limits = ExpressionLimits.Default;

        Assert.Equal(
            (2_000, 32, 100, 50_000, TimeSpan.FromSeconds(5), 64, 512 * 1024, 100_000, 10_000, 8L * 1024 * 1024, 100_000, 32, 10_000, TimeSpan.FromMilliseconds(50), 500, 4_096),
            (limits.MaxSourceLength, limits.MaxNestingDepth, limits.MaxSyntaxDepth, limits.MaxStatements, limits.Timeout, limits.MaxRecursionDepth, limits.MaxStackBytes,
                limits.MaxStringLength, limits.MaxArrayLength, limits.MaxAllocatedBytes, limits.MaxInputNodes, limits.MaxInputDepth,
                limits.MaxResultNodes, limits.RegexTimeout, limits.MaxRegexPatternLength, limits.MaxCachedExpressions));
    }

    [Fact]
    public void Defaults_HoldFourPassesOverATableOfTheLargestAllowedLength()
    {
        var rows = new JsonArray([.. Enumerable.Range(0, ExpressionLimits.Default.MaxArrayLength)
            .Select(i => (JsonNode)new JsonObject { ["qty"] = i % 7, ["price"] = i * 1.5, ["name"] = "item " + i, ["ok"] = i % 2 == 0 })]);
        const string Source = "lines.map(l => ({ ...l, total: l.qty * l.price })).filter(l => l.ok).map(l => { const t = l.total; return t; }).reduce((a, b) => a + b, 0)";

        var result = Run(ExpressionLimits.Default, Source, ExpectedType.Number, new ExpressionScope(Now).Set("lines", rows));

        Assert.True(result.IsSuccess, result.ToString());
    }

    [Fact]
    public void Limits_WithNonPositiveValue_AreRejectedAtConstruction()
    {
        Assert.Throws<ArgumentException>(() => new ExpressionEvaluator(ExpressionLimits.Default with { MaxStatements = 0 }));
    }

    [Fact]
    public void MaxSourceLength_LongerExpression_IsTooComplex()
    {
        var limits = Relaxed with { MaxSourceLength = 10 };

        Assert.True(Run(limits, "1234567890", ExpectedType.Any).IsSuccess);
        Assert.Equal(ExpressionErrorCategory.TooComplex, Fail(limits, "12345678901"));
    }

    [Fact]
    public void MaxNestingDepth_DeeperBrackets_AreTooComplex()
    {
        var limits = Relaxed with { MaxNestingDepth = 3 };

        Assert.True(Run(limits, "(((1)))", ExpectedType.Number).IsSuccess);
        Assert.Equal(ExpressionErrorCategory.TooComplex, Fail(limits, "((((1))))"));
    }

    [Fact]
    public void MaxSyntaxDepth_LongerOperatorChain_IsTooComplex()
    {
        var limits = Relaxed with { MaxSyntaxDepth = 20 };

        Assert.True(Run(limits, string.Join(" + ", Enumerable.Repeat("1", 10)), ExpectedType.Number).IsSuccess);
        Assert.Equal(ExpressionErrorCategory.TooComplex, Fail(limits, string.Join(" + ", Enumerable.Repeat("1", 40))));
    }

    [Fact]
    public void MaxStatements_ExceededByRecursion_IsStatementLimit()
    {
        var limits = Relaxed with { MaxStatements = 500 };
        const string Source = "(function f(n) { return n <= 0 ? 0 : f(n - 1) + f(n - 1); })({0})";

        Assert.True(Run(limits, Source.Replace("{0}", "3", StringComparison.Ordinal), ExpectedType.Number).IsSuccess);
        Assert.Equal(ExpressionErrorCategory.StatementLimit, Fail(limits, Source.Replace("{0}", "12", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("x => ", 50_000)]
    [InlineData("- ", 30_000)]
    [InlineData("a ? 1 : ", 30_000)]
    [InlineData("[", 30_000)]
    public void DeepSources_WithTheLengthLimitRaised_AreTooComplexWithoutExhaustingTheStack(string level, int depth)
    {
        var limits = Relaxed with { MaxSourceLength = 1_000_000, MaxNestingDepth = 1_000 };
        var source = string.Concat(Enumerable.Repeat(level, depth)) + "1" + (level == "[" ? new string(']', depth) : string.Empty);

        Assert.Equal(ExpressionErrorCategory.TooComplex, Fail(limits, source));
    }

    [Fact]
    public void Timeout_BackstopClockPassingTheLimit_IsTimeout()
    {
        // Each reading of the backstop's clock advances it a second, so the outcome does not depend on how busy the machine is.
        var clock = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        var limits = ExpressionLimits.Default with { MaxStatements = int.MaxValue, Timeout = TimeSpan.FromSeconds(30) };
        using var evaluator = new ExpressionEvaluator(limits, clock);
        const string Source = "(function f(n) { return n <= 0 ? 0 : f(n - 1) + f(n - 1); })({0})";

        Assert.True(evaluator.Evaluate(Source.Replace("{0}", "1", StringComparison.Ordinal), new ExpressionScope(Now), ExpectedType.Number, "$.limit").IsSuccess);
        var result = evaluator.Evaluate(Source.Replace("{0}", "40", StringComparison.Ordinal), new ExpressionScope(Now), ExpectedType.Number, "$.limit");
        Assert.Equal(ExpressionErrorCategory.Timeout, result.Error!.Category);
        Assert.Contains("30 s backstop", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxRecursionDepth_DeeperCalls_AreRecursionLimit()
    {
        var limits = Relaxed with { MaxRecursionDepth = 10 };
        const string Source = "(function f(n) { return n <= 0 ? 0 : 1 + f(n - 1); })({0})";

        Assert.Equal(8, Run(limits, Source.Replace("{0}", "8", StringComparison.Ordinal), ExpectedType.Number).Value.AsNumber());
        Assert.Equal(ExpressionErrorCategory.RecursionLimit, Fail(limits, Source.Replace("{0}", "11", StringComparison.Ordinal)));
    }

    [Fact]
    public void MaxRecursionDepth_ExceptionsCaughtOverAndOver_DoNotAccumulateDepth()
    {
        var limits = Relaxed with { MaxRecursionDepth = 10 };
        const string Source = "(function () { var n = 0; [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].forEach(function () {"
            + " try { (function g() { throw new Error('x'); })(); } catch (e) { n++; } }); return n; })()";

        Assert.Equal(20, Run(limits, Source, ExpectedType.Number).Value.AsNumber());
    }

    [Fact]
    public void MaxRecursionDepth_ReturnsThroughTryFinally_KeepTheirValues()
    {
        const string Source = "(function f(n) { try { if (n > 0) { return f(n - 1) + 1; } return 0; } finally { } })(5)";

        Assert.Equal(5, Run(Relaxed with { MaxRecursionDepth = 8 }, Source, ExpectedType.Number).Value.AsNumber());
    }

    [Theory]
    [InlineData("(function () { let d = 0; const o = { valueOf: function () { return ++d < {0} ? o * 1 : 1; } }; return o * 1; })()")]
    [InlineData("(() => { let d = 0; const o = { toString: () => ++d < {0} ? `${o}` : 'x' }; return `${o}`; })()")]
    [InlineData("(function f(n) { return n <= 0 ? 0 : f.bind(null)(n - 1) + 1; })({0})")]
    public void MaxStackBytes_RecursionThatTheCallCounterDoesNotSee_IsRecursionLimitLongBeforeTheStackRunsOut(string source)
    {
        // The call counter is out of the way, so the stack budget alone decides: 10 levels fit in 64 KB, 100,000 do not.
        var limits = Relaxed with { MaxStackBytes = 64 * 1024, MaxRecursionDepth = 1_000_000 };

        Assert.True(Run(limits, source.Replace("{0}", "10", StringComparison.Ordinal), ExpectedType.Any).IsSuccess);
        var error = Run(limits, source.Replace("{0}", "100000", StringComparison.Ordinal), ExpectedType.Any).Error!;
        Assert.Equal(ExpressionErrorCategory.RecursionLimit, error.Category);
        Assert.Contains("64 KB of stack", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxStackBytes_Default_HoldsOrdinaryRecursionToTheCallDepthLimit()
    {
        var depth = ExpressionLimits.Default.MaxRecursionDepth - 2;

        Assert.Equal(depth, Run(Relaxed, $"(function f(n) {{ return n <= 0 ? 0 : f(n - 1) + 1; }})({depth})", ExpectedType.Number).Value.AsNumber());
        Assert.Equal(depth, Run(Relaxed, $"(() => {{ const f = n => n <= 0 ? 0 : [n].map(x => f(x - 1))[0] + 1; return f({depth / 2}) * 2; }})()", ExpectedType.Number).Value.AsNumber());
    }

    [Theory]
    [InlineData("a.reverse().length")]
    [InlineData("a.sort().length")]
    [InlineData("a.includes(2)")]
    [InlineData("a.forEach(x => x)")]
    [InlineData("a.reduce((s, x) => s + x, 0)")]
    [InlineData("Array.from(a).length")]
    [InlineData("[...a].length")]
    public void MaxArrayLength_SparseArrayABuiltInWouldWalk_IsMemoryLimitBeforeTheWalk(string call)
    {
        // a[i] = 1 makes a sparse array i + 1 long without allocating; the built-ins would visit every index.
        var limits = Relaxed with { MaxArrayLength = 100 };
        string Source(long last) => $"(() => {{ const a = []; a[{last}] = 1; return {call}; }})()";

        Assert.True(Run(limits, Source(49), ExpectedType.Any).IsSuccess);
        var error = Run(limits, Source(4294967294), ExpectedType.Any).Error!;
        Assert.Equal(ExpressionErrorCategory.MemoryLimit, error.Category);
        Assert.Contains("4294967295 items", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxStringLength_LongerStringFromOneBuiltIn_IsMemoryLimitBeforeItIsBuilt()
    {
        var limits = Relaxed with { MaxStringLength = 10 };
        var scope = new ExpressionScope(Now).Set("s", "12345");

        Assert.Equal("1234512345", Run(limits, "s.repeat(2)", ExpectedType.Text, scope).Value.AsText());
        foreach (var source in new[] { "s.repeat(3)", "s.padEnd(11)", "s.padStart(11)", "s.concat(s, s)", "[s, s, s].join('')", "s.replace(/1/g, s + s)", "JSON.stringify([s, s])" })
        {
            Assert.Equal(ExpressionErrorCategory.MemoryLimit, Run(limits, source, ExpectedType.Text, scope).Error!.Category);
        }
    }

    [Theory]
    [InlineData("JSON.stringify(s)", "\"\\u0001\\n\"", "JSON.stringify(s + s + s)")]
    [InlineData("JSON.stringify({ a: s })", "{\"a\":\"\\u0001\\n\"}", "JSON.stringify({ a: s, b: s })")]
    [InlineData("encodeURIComponent(s)", "%01%0A", "encodeURIComponent(s + s + s + s)")]
    [InlineData("encodeURI('\u00e9/?')", "%C3%A9/?", "encodeURI('\u00e9\u00e9\u00e9\u00e9')")]
    [InlineData("'\u00df\u00df'.toUpperCase()", "SSSS", "'\u00df'.repeat(11).toUpperCase()")]
    public void MaxStringLength_ABuiltInWhoseOutputOutgrowsItsInput_IsMemoryLimit(string fits, string expected, string tooLong)
    {
        // Escapes, percent-encoding, case mapping and compatibility decomposition write several characters for one.
        var limits = Relaxed with { MaxStringLength = 20 };
        var scope = new ExpressionScope(Now).Set("s", "\u0001\n");

        Assert.Equal(expected, Run(limits, fits, ExpectedType.Text, scope).Value.AsText());
        var error = Run(limits, tooLong, ExpectedType.Text, scope).Error!;
        Assert.Equal(ExpressionErrorCategory.MemoryLimit, error.Category);
        Assert.Contains("the limit is 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxArrayLength_LargerArray_IsMemoryLimit()
    {
        var limits = Relaxed with { MaxArrayLength = 100 };

        Assert.True(Run(limits, "Array(100).length", ExpectedType.Number).IsSuccess);
        Assert.Equal(ExpressionErrorCategory.MemoryLimit, Fail(limits, "Array(101).length"));
    }

    [Fact]
    public void MaxAllocatedBytes_ExceededByManyStrings_IsMemoryLimit()
    {
        var limits = Relaxed with { MaxAllocatedBytes = 1024 * 1024 };
        const string Source = "(function f(n) { var s = Array(5000).join('abcdefghij') + n; return n ? f(n - 1) + s.length : 0; })({0})";

        Assert.True(Run(limits, Source.Replace("{0}", "1", StringComparison.Ordinal), ExpectedType.Number).IsSuccess);
        Assert.Equal(ExpressionErrorCategory.MemoryLimit, Fail(limits, Source.Replace("{0}", "60", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("'ab'.repeat({0}).length")]
    [InlineData("Array({0} / 10).join('abcdefghijklmnopqrst').length")]
    [InlineData("'ab'.padEnd(2 * {0}).length")]
    public void MaxAllocatedBytes_AStringPastWhatIsLeftOfTheBudget_IsRefusedBeforeItIsBuilt(string source)
    {
        var limits = Relaxed with { MaxAllocatedBytes = 128 * 1024 };

        Assert.True(Run(limits, source.Replace("{0}", "5000", StringComparison.Ordinal), ExpectedType.Number).IsSuccess);
        var error = Run(limits, source.Replace("{0}", "40000", StringComparison.Ordinal), ExpectedType.Number).Error!;

        // The built-in's own check, not Jint's after the statement: the 160 KB string was never allocated.
        Assert.Equal(ExpressionErrorCategory.MemoryLimit, error.Category);
        Assert.Contains("would allocate more memory than its budget allows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllocationBudgetCorpusCase_IsStoppedByTheAllocationBudget_AfterAllocatingAboutTheBudget()
    {
        var source = HostileExpressionCorpusTests.Load().Single(c => c.Name == "allocation-budget").Source;
        using var evaluator = new ExpressionEvaluator(ExpressionLimits.Default, new FakeTimeProvider(Now));
        evaluator.Evaluate("1", new ExpressionScope(Now), ExpectedType.Any, "$.warm");
        Assert.Equal(ExpressionErrorCategory.MemoryLimit, evaluator.Evaluate(source, new ExpressionScope(Now), ExpectedType.Any, "$.compile").Error!.Category);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = evaluator.Evaluate(source, new ExpressionScope(Now), ExpectedType.Any, "$.hostile");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Bytes, not time: the case builds 100 KB strings until the budget trips, and no statement runs past it by more than one string.
        Assert.Equal(ExpressionErrorCategory.MemoryLimit, result.Error!.Category);
        Assert.InRange(allocated, ExpressionLimits.Default.MaxAllocatedBytes / 2, ExpressionLimits.Default.MaxAllocatedBytes + (512 * 1024));
    }

    [Fact]
    public void MaxInputNodes_LargerScope_IsInputLimit()
    {
        var limits = Relaxed with { MaxInputNodes = 10 };
        var small = new ExpressionScope(Now).Set("rows", JsonNode.Parse("[1,2,3,4,5,6,7,8,9]"));
        var large = new ExpressionScope(Now).Set("rows", JsonNode.Parse("[1,2,3,4,5,6,7,8,9,10]"));

        Assert.True(Run(limits, "rows.length", ExpectedType.Number, small).IsSuccess);
        var error = Run(limits, "rows.length", ExpectedType.Number, large).Error!;
        Assert.Equal(ExpressionErrorCategory.InputLimit, error.Category);
        Assert.Contains("'rows'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxInputDepth_DeeperScopeValue_IsInputLimit()
    {
        var limits = Relaxed with { MaxInputDepth = 2 };

        Assert.True(Run(limits, "a.b.c", ExpectedType.Number, new ExpressionScope(Now).Set("a", JsonNode.Parse("""{"b":{"c":1}}"""))).IsSuccess);
        Assert.Equal(ExpressionErrorCategory.InputLimit,
            Run(limits, "a.b.c", ExpectedType.Any, new ExpressionScope(Now).Set("a", JsonNode.Parse("""{"b":{"c":{"d":1}}}"""))).Error!.Category);
    }

    [Fact]
    public void MaxStringLength_LongerInputString_IsInputLimit()
    {
        var limits = Relaxed with { MaxStringLength = 5 };

        Assert.Equal(ExpressionErrorCategory.InputLimit, Run(limits, "s.length", ExpectedType.Number, new ExpressionScope(Now).Set("s", "123456")).Error!.Category);
    }

    [Fact]
    public void MaxArrayLength_LongerInputArray_IsInputLimit()
    {
        var limits = Relaxed with { MaxArrayLength = 2 };

        Assert.Equal(ExpressionErrorCategory.InputLimit, Run(limits, "a.length", ExpectedType.Number, new ExpressionScope(Now).Set("a", JsonNode.Parse("[1,2,3]"))).Error!.Category);
    }

    [Fact]
    public void MaxResultNodes_LargerResult_IsMemoryLimit()
    {
        var limits = Relaxed with { MaxResultNodes = 5 };

        Assert.True(Run(limits, "[1, 2, 3, 4]", ExpectedType.List).IsSuccess);
        Assert.Equal(ExpressionErrorCategory.MemoryLimit, Fail(limits, "[1, 2, 3, 4, 5]"));
    }

    [Fact]
    public void RegexTimeout_CatastrophicBacktracking_IsTimeout()
    {
        // The one real-time bound: the match that must succeed gets a timeout no descheduling on a loaded machine reaches
        // (it failed at 100 ms with the load average at 66), the match that must fail needs about 2^40 steps whatever the load.
        Assert.True(Run(Relaxed with { RegexTimeout = TimeSpan.FromSeconds(30) }, "/(a+)+$/.test('aaab')", ExpectedType.Boolean).IsSuccess);
        Assert.Equal(ExpressionErrorCategory.Timeout, Fail(Relaxed with { RegexTimeout = TimeSpan.FromMilliseconds(100) }, "/(a+)+$/.test(Array(40).join('a') + 'b')"));
    }

    [Fact]
    public void MaxRegexPatternLength_LongerPattern_IsMemoryLimit()
    {
        var limits = Relaxed with { MaxRegexPatternLength = 5 };

        Assert.True(Run(limits, "matches('abcde', 'abcde')", ExpectedType.Boolean).IsSuccess);
        Assert.Equal(ExpressionErrorCategory.MemoryLimit, Fail(limits, "matches('abcdef', 'abcdef')"));
    }

    private static ExpressionErrorCategory Fail(ExpressionLimits limits, string source)
    {
        var result = Run(limits, source, ExpectedType.Any);
        Assert.False(result.IsSuccess, $"{source} returned {result.Value}");
        return result.Error!.Category;
    }

    private static ExpressionResult Run(ExpressionLimits limits, string source, ExpectedType expected, ExpressionScope? scope = null)
    {
        using var evaluator = new ExpressionEvaluator(limits);
        return evaluator.Evaluate(source, scope ?? new ExpressionScope(Now), expected, "$.limit");
    }
}
