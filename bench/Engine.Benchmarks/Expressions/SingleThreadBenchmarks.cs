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
    private CompiledExpression _tableArrow = null!;
    private RawJint _rawCondition = null!;
    private RawJint _rawTable = null!;
    private RawJint _rawTableArrow = null!;
    private int _amount;

    [GlobalSetup]
    public void Setup()
    {
        _condition = _evaluator.Compile(BenchmarkData.Condition);
        _tableHelper = _evaluator.Compile(BenchmarkData.TableWithHelper);
        _tableCallback = _evaluator.Compile(BenchmarkData.TableWithCallback);
        _tableArrow = _evaluator.Compile(BenchmarkData.TableWithArrow);
        _rawCondition = new RawJint(BenchmarkData.Condition);
        _rawTable = new RawJint(BenchmarkData.TableWithCallback);
        _rawTableArrow = new RawJint(BenchmarkData.TableWithArrow);
    }

    public void Dispose()
    {
        _evaluator.Dispose();
        _rawCondition.Dispose();
        _rawTable.Dispose();
        _rawTableArrow.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "condition: sandbox")]
    public bool ConditionSandbox()
    {
        var scope = new ExpressionScope(BenchmarkData.Now).Set("amount", 500 + (_amount++ & 1023)).Set("region", "EU");
        return _evaluator.Evaluate(_condition, scope, ExpectedType.Boolean, "$.bench").Value.AsBoolean();
    }

    [Benchmark(Baseline = true, Description = "condition: raw Jint 4.18")]
    public bool ConditionRaw()
    {
        _rawCondition.Set("amount", 500 + (_amount++ & 1023));
        _rawCondition.Set("region", "EU");
        return _rawCondition.RunBoolean();
    }

    [Benchmark(Description = "table 50 rows, helper sum(): sandbox")]
    public double TableHelperSandbox()
        => _evaluator.Evaluate(_tableHelper, new ExpressionScope(BenchmarkData.Now).Set("lines", BenchmarkData.Lines), ExpectedType.Number, "$.bench").Value.AsNumber();

    [Benchmark(Description = "table 50 rows, reduce callback: sandbox")]
    public double TableCallbackSandbox()
        => _evaluator.Evaluate(_tableCallback, new ExpressionScope(BenchmarkData.Now).Set("lines", BenchmarkData.Lines), ExpectedType.Number, "$.bench").Value.AsNumber();

    [Benchmark(Description = "table 50 rows, reduce callback: raw Jint 4.18")]
    public double TableCallbackRaw()
    {
        _rawTable.Set("lines", BenchmarkData.Lines);
        return _rawTable.RunNumber();
    }

    [Benchmark(Description = "table 50 rows, reduce arrow: sandbox")]
    public double TableArrowSandbox()
        => _evaluator.Evaluate(_tableArrow, new ExpressionScope(BenchmarkData.Now).Set("lines", BenchmarkData.Lines), ExpectedType.Number, "$.bench").Value.AsNumber();

    [Benchmark(Description = "table 50 rows, reduce arrow: raw Jint 4.18")]
    public double TableArrowRaw()
    {
        _rawTableArrow.Set("lines", BenchmarkData.Lines);
        return _rawTableArrow.RunNumber();
    }

    [Benchmark(Description = "condition: sandbox, fresh engine per evaluation (the fresh-realm alternative)")]
    public bool ConditionFreshEngine()
    {
        using var evaluator = new ExpressionEvaluator(BenchmarkData.Limits);
        var scope = new ExpressionScope(BenchmarkData.Now).Set("amount", 500 + (_amount++ & 1023)).Set("region", "EU");
        return evaluator.Evaluate(_condition, scope, ExpectedType.Boolean, "$.bench").Value.AsBoolean();
    }
}
