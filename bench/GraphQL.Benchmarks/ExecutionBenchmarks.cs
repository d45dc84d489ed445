using BenchmarkDotNet.Attributes;
using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Benchmarks;

/// <summary>In-process execution of 100 objects × 5 scalars + a nested object (document cached, as in production).</summary>
[MemoryDiagnoser]
public class ExecutionBenchmarks
{
    private readonly IRequestExecutor _executor = BenchmarkSchema.CreateExecutor();
    private readonly GraphQLRequest _request = new(BenchmarkSchema.ItemsQuery);

    [Benchmark]
    public Task<ExecutionResult> Execute100Items() => _executor.ExecuteAsync(_request);

    [Benchmark]
    public async Task<string> Execute100ItemsAndSerializeAsync() =>
        ExecutionResultSerializer.Serialize(await _executor.ExecuteAsync(_request));
}
