using LowCode.GraphQL.AspNetCore.Http;
using LowCode.GraphQL.Execution;
using Microsoft.Extensions.Logging;

namespace LowCode.GraphQL.AspNetCore.WebSockets;

internal sealed partial class GraphQLWebSocketSession
{
    private async Task RunSubscriptionAsync(Subscription subscription, GraphQLRequest request)
    {
        // Return to the receive loop at once: a "complete" for this id may already be on its way.
        await Task.Yield();
        var token = subscription.Token;
        try
        {
            var context = RequestContextFactory.Create(httpContext, options, allowedOperations: null, _initPayload);
            var result = await executor.ExecuteAsync(request, context, token).ConfigureAwait(false);
            if (result.Stream is { } stream)
            {
                await foreach (var item in stream.WithCancellation(token).ConfigureAwait(false))
                {
                    if (!IsActive(subscription) || !await SendAsync(TransportWsMessageWriter.Next(subscription.Id, item), token).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
            else if (result.IsRequestError)
            {
                // Per the protocol an "error" ends the operation; no "complete" follows it.
                if (TryRemove(subscription))
                {
                    await SendAsync(TransportWsMessageWriter.Error(subscription.Id, result.Errors), _connection.Token).ConfigureAwait(false);
                }

                return;
            }
            else if (IsActive(subscription))
            {
                await SendAsync(TransportWsMessageWriter.Next(subscription.Id, result), token).ConfigureAwait(false);
            }

            if (TryRemove(subscription))
            {
                await SendAsync(TransportWsMessageWriter.Complete(subscription.Id), _connection.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Completed by the client or the connection closed: nothing more to say.
        }
#pragma warning disable CA1031 // A failing resolver stream ends its own subscription with an error, not the connection.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Subscription {SubscriptionId} failed.", subscription.Id);
            if (TryRemove(subscription))
            {
                var error = new GraphQLError(
                    "The server failed while running the subscription. The error has been logged.",
                    Extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = TransportErrorCodes.InternalServerError });
                await SendAsync(TransportWsMessageWriter.Error(subscription.Id, [error]), _connection.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            TryRemove(subscription);
            _running.TryRemove(subscription, out _);
            subscription.Dispose();
        }
    }

    private bool IsActive(Subscription subscription) =>
        _subscriptions.TryGetValue(subscription.Id, out var current) && ReferenceEquals(current, subscription);

    // Removes only this registration: the client may already have reused the id for a new subscription.
    private bool TryRemove(Subscription subscription) =>
        _subscriptions.TryRemove(new KeyValuePair<string, Subscription>(subscription.Id, subscription));

    /// <summary>One running operation of the connection, cancelled by a client "complete" or by the connection closing.</summary>
    private sealed class Subscription(string id, CancellationToken connection) : IDisposable
    {
        private readonly CancellationTokenSource _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connection);
        private int _disposed;

        public string Id { get; } = id;

        public CancellationToken Token => _cancellation.Token;

        public void Cancel()
        {
            if (Volatile.Read(ref _disposed) == 1)
            {
                return;
            }

            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Finished on its own in the meantime.
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _cancellation.Dispose();
            }
        }
    }
}
