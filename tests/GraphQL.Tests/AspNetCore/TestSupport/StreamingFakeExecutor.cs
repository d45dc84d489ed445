using System.Runtime.CompilerServices;
using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Tests.AspNetCore.TestSupport;

/// <summary>
/// A test double that tells operations apart by their query text, enough to drive every transport path:
/// a finite stream, an endless stream, a query, a request error and a failing executor.
/// </summary>
public sealed class StreamingFakeExecutor : IRequestExecutor
{
    public const string Countdown = "subscription { countdown }";
    public const string Forever = "subscription { forever }";
    public const string Hello = "{ hello }";
    public const string Invalid = "{ nope }";
    public const string Crash = "{ crash }";
    public const string WhoAmI = "{ whoAmI }";
    public const string Stubborn = "subscription { stubborn }";

    private readonly TaskCompletionSource _foreverEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _foreverStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stubbornRelease = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once an endless stream has been disposed (the client or the connection ended it).</summary>
    public Task ForeverEnded => _foreverEnded.Task;

    public Task ForeverStarted => _foreverStarted.Task;

    public RequestContext? LastContext { get; private set; }

    public Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        LastContext = context;
        return request.Query switch
        {
            Countdown => Task.FromResult(new ExecutionResult { Stream = CountdownAsync(3) }),
            Forever => Task.FromResult(new ExecutionResult { Stream = ForeverAsync(CancellationToken.None) }),
            Stubborn => Task.FromResult(new ExecutionResult { Stream = StubbornAsync() }),
            Hello => Task.FromResult(FakeExecutor.Data(new Dictionary<string, object?> { ["hello"] = "world" })),
            Crash => throw new InvalidOperationException("resolver exploded"),
            WhoAmI => Task.FromResult(FakeExecutor.Data(new Dictionary<string, object?>
            {
                ["whoAmI"] = context?.Items.TryGetValue("graphql-transport-ws.connectionInitPayload", out var payload) == true ? payload : null,
            })),
            _ => Task.FromResult(FakeExecutor.RequestError("Cannot query field \"nope\" on type \"Query\".", "GRAPHQL_VALIDATION_FAILED")),
        };
    }

    private static async IAsyncEnumerable<ExecutionResult> CountdownAsync(int from)
    {
        for (var i = from; i > 0; i--)
        {
            await Task.Yield();
            yield return FakeExecutor.Data(new Dictionary<string, object?> { ["countdown"] = i });
        }
    }

    /// <summary>A badly behaved source stream: after one event it waits without looking at any cancellation token.</summary>
    private async IAsyncEnumerable<ExecutionResult> StubbornAsync()
    {
        yield return FakeExecutor.Data(new Dictionary<string, object?> { ["stubborn"] = 0 });
        await _stubbornRelease.Task;
    }

    /// <summary>Lets a stubborn stream end, so the test leaves nothing running.</summary>
    public void ReleaseStubbornStreams() => _stubbornRelease.TrySetResult();

    private async IAsyncEnumerable<ExecutionResult> ForeverAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            yield return FakeExecutor.Data(new Dictionary<string, object?> { ["forever"] = 0 });
            _foreverStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            _foreverEnded.TrySetResult();
        }
    }
}
