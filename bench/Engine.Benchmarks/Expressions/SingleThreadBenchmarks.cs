using BenchmarkDotNet.Attributes;
using LowCode.Engine.Expressions;

namespace LowCode.Engine.Benchmarks.Expressions;

/// <summary>Evaluations per second on one core: our sandbox against raw prepared Jint, same inputs, same run.</summary>
[MemoryDiagnoser]
public class SingleThreadBenchmarks : IDisposable
{
    private readonly ExpressionEvaluator _evaluator = new(BenchmarkData.Limits);
    private CompiledExpression _condition = null!;
    private CompiledExpression _tableHelper = null!;
    private CompiledExpression _tableCallback = null!;
    private RawJint _rawCondition = null!;
    private RawJint _rawConditionNoRecursionLimit = null!;
    private RawJint _rawTable = null!;
    private RawJint _rawTableNoRecursionLimit = null!;
    private int _amount;

    [GlobalSetup]
    public void Setup()
    {
        _condition = _evaluator.Compile(BenchmarkData.Condition);
        _tableHelper = _evaluator.Compile(BenchmarkData.TableWithHelper);
        _tableCallback = _evaluator.Compile(BenchmarkData.TableWithCallback);
        _rawCondition = new RawJint(BenchmarkData.Condition, limitRecursion: true);
        _rawConditionNoRecursionLimit = new RawJint(BenchmarkData.Condition, limitRecursion: false);
        _rawTable = new RawJint(BenchmarkData.TableWithCallback, limitRecursion: true);
        _rawTableNoRecursionLimit = new RawJint(BenchmarkData.TableWithCallback, limitRecursion: false);
    }

    public void Dispose()
    {
        _evaluator.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "condition: sandbox")]
    public bool ConditionSandbox()
    {
        var scope = new ExpressionScope(BenchmarkData.Now).Set("amount", 500 + (_amount++ & 1023)).Set("region", "EU");
        return _evaluator.Evaluate(_condition, scope, ExpectedType.Boolean, "$.bench").Value.AsBoolean();
    }

    [Benchmark(Baseline = true, Description = "condition: raw Jint (LimitRecursion)")]
    public bool ConditionRaw()
    {
        _rawCondition.Set("amount", 500 + (_amount++ & 1023));
        _rawCondition.Set("region", "EU");
        return _rawCondition.Run().AsBoolean();
    }

    [Benchmark(Description = "condition: raw Jint (no recursion limit)")]
    public bool ConditionRawNoRecursionLimit()
    {
        _rawConditionNoRecursionLimit.Set("amount", 500 + (_amount++ & 1023));
        _rawConditionNoRecursionLimit.Set("region", "EU");
        return _rawConditionNoRecursionLimit.Run().AsBoolean();
    }

    [Benchmark(Description = "table 50 rows, helper sum(): sandbox")]
    public double TableHelperSandbox()
        => _evaluator.Evaluate(_tableHelper, new ExpressionScope(BenchmarkData.Now).Set("lines", BenchmarkData.Lines), ExpectedType.Number, "$.bench").Value.AsNumber();

    [Benchmark(Description = "table 50 rows, reduce callback: sandbox")]
    public double TableCallbackSandbox()
        => _evaluator.Evaluate(_tableCallback, new ExpressionScope(BenchmarkData.Now).Set("lines", BenchmarkData.Lines), ExpectedType.Number, "$.bench").Value.AsNumber();

    [Benchmark(Description = "table 50 rows, reduce callback: raw Jint (LimitRecursion)")]
    public double TableCallbackRaw()
    {
        _rawTable.Set("lines", BenchmarkData.Lines);
        return _rawTable.Run().AsNumber();
    }

    [Benchmark(Description = "table 50 rows, reduce callback: raw Jint (no recursion limit)")]
    public double TableCallbackRawNoRecursionLimit()
    {
        _rawTableNoRecursionLimit.Set("lines", BenchmarkData.Lines);
        return _rawTableNoRecursionLimit.Run().AsNumber();
    }
}
