using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using LowCode.GraphQL.AspNetCore.Http;
using LowCode.GraphQL.AspNetCore.Serialization;
using LowCode.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LowCode.GraphQL.AspNetCore.WebSockets;

/// <summary>
/// One WebSocket connection speaking <c>graphql-transport-ws</c>: a single receive loop dispatches messages,
/// each subscription streams on its own task, and every send goes through one lock so frames never interleave.
/// </summary>
internal sealed partial class GraphQLWebSocketSession(
    WebSocket socket, HttpContext httpContext, IRequestExecutor executor, GraphQLHttpOptions options, ILogger logger) : IDisposable
{
    private static readonly TimeSpan CloseGracePeriod = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StreamShutdownTimeout = TimeSpan.FromSeconds(5);
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128 };

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Subscription, Task> _running = new();
    private readonly CancellationTokenSource _connection = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
    private readonly CancellationTokenSource _receive = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
    private int _initReceived;
    private int _closing;
    private volatile bool _acknowledged;
    private bool _abandonedStreams;
    private IReadOnlyDictionary<string, object?>? _initPayload;

    public async Task RunAsync()
    {
        var initWatcher = WatchInitTimeoutAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _connection.CancelAsync().ConfigureAwait(false);
            await initWatcher.ConfigureAwait(false);
            try
            {
                // A source stream that ignores cancellation must not hold the request open forever.
                await Task.WhenAll(_running.Values).WaitAsync(StreamShutdownTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _abandonedStreams = true;
                logger.LogWarning("A subscription source stream ignored cancellation; the WebSocket connection ended without waiting for it.");
            }
        }
    }

    public void Dispose()
    {
        // Streams still running hold these; leave them to the garbage collector rather than fault those tasks.
        if (_abandonedStreams)
        {
            return;
        }

        _connection.Dispose();
        _receive.Dispose();
        _sendLock.Dispose();
    }

    private async Task WatchInitTimeoutAsync()
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, _connection.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0)
        {
            await CloseAsync(TransportWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout").ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        // One byte past the limit is enough to know a message is too big without buffering it.
        var limit = (int)Math.Min(options.MaxRequestBodySize + 1, int.MaxValue);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(4096, limit));
        try
        {
            var count = 0;
            while (true)
            {
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit));
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                ValueWebSocketReceiveResult received;
                try
                {
                    received = await socket.ReceiveAsync(buffer.AsMemory(count, Math.Min(buffer.Length, limit) - count), _receive.Token)
                        .ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
                {
                    return;
                }

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync((int)(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), string.Empty).ConfigureAwait(false);
                    return;
                }

                count += received.Count;
                if (count > options.MaxRequestBodySize)
                {
                    await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "Message too big").ConfigureAwait(false);
                    return;
                }

                if (!received.EndOfMessage)
                {
                    continue;
                }

                var length = count;
                count = 0;
                if (Volatile.Read(ref _closing) == 1)
                {
                    continue;
                }

                var violation = received.MessageType == WebSocketMessageType.Binary
                    ? ProtocolViolation.InvalidMessage("Invalid message received: binary frames are not supported, send JSON text")
                    : await HandleMessageAsync(buffer.AsMemory(0, length)).ConfigureAwait(false);
                if (violation is not null)
                {
                    await CloseAsync(violation.CloseCode, violation.Reason).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask<ProtocolViolation?> HandleMessageAsync(ReadOnlyMemory<byte> utf8)
    {
        // A text frame must be UTF-8 (RFC 6455 §5.6); JsonDocument alone would not look inside strings.
        if (!Utf8.IsValid(utf8.Span))
        {
            return ProtocolViolation.InvalidMessage("Invalid message received: the message is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException)
        {
            return ProtocolViolation.InvalidMessage("Invalid message received: the message is not valid JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var typeElement)
                || typeElement.ValueKind != JsonValueKind.String)
            {
                return ProtocolViolation.InvalidMessage("Invalid message received: a message must be a JSON object with a string \"type\"");
            }

            var type = typeElement.GetString();
            switch (type)
            {
                case TransportWsMessageTypes.ConnectionInit:
                    return await OnConnectionInitAsync(root).ConfigureAwait(false);
                case TransportWsMessageTypes.Ping:
                    if (!TryReadPayloadMap(root, out var pingPayload))
                    {
                        return ProtocolViolation.InvalidMessage("Invalid message received: the ping payload must be an object");
                    }

                    await SendAsync(TransportWsMessageWriter.Pong(pingPayload), _connection.Token).ConfigureAwait(false);
                    return null;
                case TransportWsMessageTypes.Pong:
                    return TryReadPayloadMap(root, out _)
                        ? null
                        : ProtocolViolation.InvalidMessage("Invalid message received: the pong payload must be an object");
                case TransportWsMessageTypes.Subscribe:
                    return OnSubscribe(root);
                case TransportWsMessageTypes.Complete:
                    return OnComplete(root);
                default:
                    return ProtocolViolation.InvalidMessage($"Unexpected message of type {type} received");
            }
        }
    }

    private async ValueTask<ProtocolViolation?> OnConnectionInitAsync(JsonElement message)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            return new ProtocolViolation(TransportWsCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
        }

        if (!TryReadPayloadMap(message, out var payload))
        {
            return ProtocolViolation.InvalidMessage("Invalid message received: the connection_init payload must be an object");
        }

        _initPayload = payload;
        if (options.OnConnectionInit is { } onConnectionInit)
        {
            bool accepted;
            try
            {
                accepted = await onConnectionInit(httpContext, payload, _connection.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_connection.IsCancellationRequested)
            {
                return null;
            }
#pragma warning disable CA1031 // A failing host hook closes this connection with 4500; it must not take the server down.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "GraphQLHttpOptions.OnConnectionInit threw; closing the WebSocket with 4500.");
                return new ProtocolViolation(TransportWsCloseCodes.InternalServerError, "Internal server error");
            }

            if (!accepted)
            {
                return new ProtocolViolation(TransportWsCloseCodes.Forbidden, "Forbidden");
            }
        }

        _acknowledged = true;
        await SendAsync(TransportWsMessageWriter.ConnectionAck(), _connection.Token).ConfigureAwait(false);
        return null;
    }

    private ProtocolViolation? OnSubscribe(JsonElement message)
    {
        if (!_acknowledged)
        {
            return new ProtocolViolation(TransportWsCloseCodes.Unauthorized, "Unauthorized");
        }

        if (!TryReadId(message, out var id))
        {
            return ProtocolViolation.InvalidMessage("Invalid message received: subscribe needs a non-empty string \"id\"");
        }

        if (!message.TryGetProperty("payload", out var payload))
        {
            return ProtocolViolation.InvalidMessage("Invalid message received: subscribe needs a \"payload\" object with a \"query\"");
        }

        if (!GraphQLRequestReader.TryReadParameters(payload, "The subscribe payload", out var request, out var error))
        {
            return ProtocolViolation.InvalidMessage($"Invalid message received: {error!.Message}");
        }

        var subscription = new Subscription(id, _connection.Token);
        if (!_subscriptions.TryAdd(id, subscription))
        {
            subscription.Dispose();
            return new ProtocolViolation(TransportWsCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
        }

        _running[subscription] = RunSubscriptionAsync(subscription, request);
        return null;
    }

    private ProtocolViolation? OnComplete(JsonElement message)
    {
        if (!TryReadId(message, out var id))
        {
            return ProtocolViolation.InvalidMessage("Invalid message received: complete needs a non-empty string \"id\"");
        }

        if (_subscriptions.TryRemove(id, out var subscription))
        {
            subscription.Cancel();
        }

        return null;
    }

    private static bool TryReadId(JsonElement message, out string id)
    {
        id = string.Empty;
        if (!message.TryGetProperty("id", out var element) || element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        id = element.GetString()!;
        return id.Length > 0;
    }

    private static bool TryReadPayloadMap(JsonElement message, out IReadOnlyDictionary<string, object?>? payload)
    {
        payload = null;
        if (!message.TryGetProperty("payload", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        payload = JsonToClr.ConvertObject(element);
        return true;
    }

    private async Task<bool> SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        try
        {
            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            if (Volatile.Read(ref _closing) == 1 || socket.State != WebSocketState.Open)
            {
                return false;
            }

            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync(int closeCode, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        await _connection.CancelAsync().ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(CloseGracePeriod);
        await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, LimitReason(reason), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            logger.LogDebug(ex, "The WebSocket went away while the server was closing it.");
        }
        finally
        {
            _sendLock.Release();
        }

        // Wait briefly for the peer's close frame, then stop receiving so the connection ends.
        _receive.CancelAfter(CloseGracePeriod);
    }

    // RFC 6455 §5.5: a close frame's reason fits in 123 bytes of UTF-8.
    private static string LimitReason(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= 123)
        {
            return reason;
        }

        var length = Math.Min(reason.Length, 123);
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > 120)
        {
            length--;
        }

        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return string.Concat(reason.AsSpan(0, length), "...");
    }
}
