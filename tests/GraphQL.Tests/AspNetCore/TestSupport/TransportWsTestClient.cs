using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LowCode.GraphQL.AspNetCore;
using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Tests.AspNetCore.TestSupport;

/// <summary>A raw WebSocket peer for protocol tests: sends any frame, reads the next message or the close.</summary>
public sealed class TransportWsTestClient : IAsyncDisposable
{
    // A guard against a hung test, not a measurement: every wait ends far sooner when the server behaves.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    private readonly GraphQLTestServer _server;
    private readonly WebSocket _socket;

    private TransportWsTestClient(GraphQLTestServer server, WebSocket socket)
    {
        _server = server;
        _socket = socket;
    }

    public WebSocket Socket => _socket;

    public GraphQLTestServer Server => _server;

    public static async Task<TransportWsTestClient> ConnectAsync(
        IRequestExecutor executor, Action<GraphQLHttpOptions>? configure = null, string? subprotocol = "graphql-transport-ws")
    {
        var server = await GraphQLTestServer.StartInMemoryAsync(executor, configure);
        var client = server.CreateWebSocketClient();
        if (subprotocol is not null)
        {
            client.SubProtocols.Add(subprotocol);
        }

        using var timeout = new CancellationTokenSource(Guard);
        var socket = await client.ConnectAsync(server.WebSocketUri, timeout.Token);
        return new TransportWsTestClient(server, socket);
    }

    public async Task SendAsync(string json)
    {
        using var timeout = new CancellationTokenSource(Guard);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, timeout.Token);
    }

    public Task SubscribeAsync(string id, string query) =>
        SendAsync(JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query } }));

    public async Task SendRawTextAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Guard);
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, timeout.Token);
    }

    public async Task SendBinaryAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Guard);
        await _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, timeout.Token);
    }

    public async Task<JsonElement> InitAsync(string payload = "")
    {
        await SendAsync(payload.Length == 0 ? """{"type":"connection_init"}""" : $$"""{"type":"connection_init","payload":{{payload}}}""");
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
        return ack;
    }

    /// <summary>The next message as JSON; fails the test if the server closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var (message, close) = await ReceiveOrCloseAsync();
        Assert.True(message.HasValue, $"Expected a message but the server closed with {close?.Code} \"{close?.Reason}\".");
        return message.Value;
    }

    /// <summary>Reads until the server closes, failing if a message arrives first; returns the close code and reason.</summary>
    public async Task<(int Code, string Reason)> ReceiveCloseAsync()
    {
        var (message, close) = await ReceiveOrCloseAsync();
        Assert.True(close.HasValue, $"Expected the server to close but it sent {message}.");
        return close.Value;
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await _server.DisposeAsync();
    }

    public async Task<(JsonElement? Message, (int Code, string Reason)? Close)> ReceiveOrCloseAsync()
    {
        using var timeout = new CancellationTokenSource(Guard);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token);
                }

                return (null, ((int)result.CloseStatus!.Value, result.CloseStatusDescription ?? string.Empty));
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (JsonDocument.Parse(message.ToArray()).RootElement.Clone(), null);
            }
        }
    }
}
