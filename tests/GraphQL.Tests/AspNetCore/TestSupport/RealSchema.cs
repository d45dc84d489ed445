using System.Runtime.CompilerServices;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Tests.AspNetCore.TestSupport;

/// <summary>
/// A small schema built with LowCode.GraphQL's schema builder and served by its real executor: what the
/// conformance tests (graphql-http audits, graphql-ws client) run against.
/// </summary>
public sealed class RealSchema
{
    public const string Sdl = """
        type Query {
          hello(name: String = "World"): String!
        }

        type Mutation {
          touch: Int!
        }

        type Subscription {
          countdown(from: Int!): Int!
          ticks: Int!
        }
        """;

    private readonly TaskCompletionSource _ticksEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _touches;

    public RealSchema()
    {
        Executor = SchemaBuilder.FromSdl(Sdl)
            .Resolve("Query", "hello", context => $"Hello, {context.GetArgument<string>("name")}!")
            .Resolve("Mutation", "touch", _ => Interlocked.Increment(ref _touches))
            .Subscribe("Subscription", "countdown", context => CountdownAsync(context.GetArgument<int>("from"), context.CancellationToken))
            .Subscribe("Subscription", "ticks", context => TicksAsync(context.CancellationToken))
            .Build()
            .CreateExecutor();
    }

    public IRequestExecutor Executor { get; }

    /// <summary>Completes when a <c>ticks</c> source stream has been ended (by the client or the connection).</summary>
    public Task TicksEnded => _ticksEnded.Task;

    private static async IAsyncEnumerable<int> CountdownAsync(int from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = from; i > 0; i--)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    private async IAsyncEnumerable<int> TicksAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                yield return i;
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
        finally
        {
            _ticksEnded.TrySetResult();
        }
    }
}
