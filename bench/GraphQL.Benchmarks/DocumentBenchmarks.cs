using BenchmarkDotNet.Attributes;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Validation;

namespace LowCode.GraphQL.Benchmarks;

/// <summary>Parse and validate a 5 KB document, uncached and through the executor's document cache.</summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private readonly Schema _schema = BenchmarkSchema.Build();
    private readonly string _document = BenchmarkSchema.FiveKilobyteDocument;
    private IRequestExecutor _cached = null!;
    private IRequestExecutor _uncached = null!;
    private GraphQLRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cached = _schema.CreateExecutor();
        _uncached = _schema.CreateExecutor(new ExecutorOptions { DocumentCacheSize = 0 });
        // An unknown operation name stops the pipeline right after parse + validate, so only those are measured.
        _request = new GraphQLRequest(_document, OperationName: "NotThere");
    }

    [Benchmark]
    public int Parse() => Parser.Parse(_document).Document!.Definitions.Count;

    [Benchmark]
    public int ParseAndValidate() => DocumentValidator.Validate(_schema, Parser.Parse(_document).Document!).Count;

    [Benchmark]
    public Task<ExecutionResult> ParseAndValidateThroughExecutorUncached() => _uncached.ExecuteAsync(_request);

    [Benchmark]
    public Task<ExecutionResult> ParseAndValidateThroughExecutorCached() => _cached.ExecuteAsync(_request);
}
