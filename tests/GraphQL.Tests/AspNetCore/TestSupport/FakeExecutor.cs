using System.Collections.Concurrent;
using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Tests.AspNetCore.TestSupport;

/// <summary>A test double of the executor: answers with whatever the test says and records what it was asked.</summary>
public sealed class FakeExecutor(Func<GraphQLRequest, RequestContext?, CancellationToken, Task<ExecutionResult>> handler) : IRequestExecutor
{
    public FakeExecutor(Func<GraphQLRequest, ExecutionResult> handler)
        : this((request, _, _) => Task.FromResult(handler(request)))
    {
    }

    public ConcurrentQueue<(GraphQLRequest Request, RequestContext? Context)> Calls { get; } = new();

    public (GraphQLRequest Request, RequestContext? Context) LastCall => Calls.Last();

    public Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((request, context));
        return handler(request, context, cancellationToken);
    }

    /// <summary>Answers every request with <c>{"data":{"__typename":"Query"}}</c>.</summary>
    public static FakeExecutor Typename() => new(_ => Data(new Dictionary<string, object?> { ["__typename"] = "Query" }));

    public static ExecutionResult Data(object? data) => new() { Data = data, HasData = true };

    public static ExecutionResult RequestError(string message, string? code = null) => new()
    {
        Errors =
        [
            new GraphQLError(
                message,
                [new SourceLocation(1, 3)],
                Extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code }),
        ],
    };
}
