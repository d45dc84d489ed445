using BenchmarkDotNet.Attributes;
using LowCode.Engine.Expressions;

namespace LowCode.Engine.Benchmarks.Expressions;

/// <summary>
/// Throughput with both cores busy: the sandbox shares one evaluator (an engine per thread); raw Jint gets one
/// engine per thread. Each invocation runs <see cref="PerInvoke"/> evaluations split over two threads.
/// </summary>
public class MultiThreadBenchmarks : IDisposable
{
    private const int PerInvoke = 20_000;
    private readonly ExpressionEvaluator _evaluator = new(BenchmarkData.Limits);
    private readonly ThreadLocal<RawJint> _rawCondition = new(() => new RawJint(BenchmarkData.Condition));
    private readonly ThreadLocal<RawJint> _rawTable = new(() => new RawJint(BenchmarkData.TableWithCallback));
    private CompiledExpression _condition = null!;
    private CompiledExpression _tableHelper = null!;

    [GlobalSetup]
    public void Setup()
    {
        _condition = _evaluator.Compile(BenchmarkData.Condition);
        _tableHelper = _evaluator.Compile(BenchmarkData.TableWithHelper);
    }

    public void Dispose()
    {
        _evaluator.Dispose();
        _rawCondition.Dispose();
        _rawTable.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(OperationsPerInvoke = PerInvoke, Description = "2 threads, condition: sandbox")]
    public void ConditionSandbox() => Run(i =>
    {
        var scope = new ExpressionScope(BenchmarkData.Now).Set("amount", 500 + (i & 1023)).Set("region", "EU");
        _evaluator.Evaluate(_condition, scope, ExpectedType.Boolean, "$.bench");
    });

    [Benchmark(OperationsPerInvoke = PerInvoke, Description = "2 threads, condition: raw Jint")]
    public void ConditionRaw() => Run(i =>
    {
        var raw = _rawCondition.Value!;
        raw.Set("amount", 500 + (i & 1023));
        raw.Set("region", "EU");
        raw.RunBoolean();
    });

    [Benchmark(OperationsPerInvoke = PerInvoke, Description = "2 threads, table helper: sandbox")]
    public void TableSandbox() => Run(_ =>
        _evaluator.Evaluate(_tableHelper, new ExpressionScope(BenchmarkData.Now).Set("lines", BenchmarkData.Lines), ExpectedType.Number, "$.bench"));

    [Benchmark(OperationsPerInvoke = PerInvoke, Description = "2 threads, table reduce: raw Jint")]
    public void TableRaw() => Run(_ =>
    {
        var raw = _rawTable.Value!;
        raw.Set("lines", BenchmarkData.Lines);
        raw.RunNumber();
    });

    private static void Run(Action<int> evaluate)
        => Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, worker =>
        {
            for (var i = 0; i < PerInvoke / 2; i++)
            {
                evaluate(i);
            }
        });
}
