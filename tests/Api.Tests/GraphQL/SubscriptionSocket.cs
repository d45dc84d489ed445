using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>A graphql-transport-ws connection to an Api under test, signed as a caller with the key the Api issued for it.</summary>
internal sealed class SubscriptionSocket : IAsyncDisposable
{
    private readonly WebSocket _socket;

    private SubscriptionSocket(WebSocket socket) => _socket = socket;

    public static async Task<SubscriptionSocket> ConnectAsync(ApiFactory factory, Caller caller, CancellationToken cancellationToken)
    {
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        var socket = new SubscriptionSocket(await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "graphql"), cancellationToken));
        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + await factory.KeyForAsync(caller) } }, cancellationToken);
        Assert.Equal("connection_ack", (await socket.ReceiveAsync(cancellationToken)).GetProperty("type").GetString());
        return socket;
    }

    public Task SubscribeAsync(string id, string query, object? variables, CancellationToken cancellationToken) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } }, cancellationToken);

    /// <summary>
    /// The protocol has no "subscribed" acknowledgement: repeats <paramref name="change"/> until the first event arrives,
    /// which shows the stream is live, and returns that event's data for <paramref name="field"/>.
    /// </summary>
    public async Task<JsonElement> FirstAsync(string field, Func<Task> change, CancellationToken cancellationToken)
    {
        await change();
        var receive = ReceiveAsync(cancellationToken);
        while (await Task.WhenAny(receive, Task.Delay(200, cancellationToken)) != receive)
        {
            await change();
        }

        return Data(await receive, field);
    }

    public async Task<JsonElement> NextAsync(string field, CancellationToken cancellationToken) => Data(await ReceiveAsync(cancellationToken), field);

    public async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, cancellationToken);
            Assert.NotEqual(WebSocketMessageType.Close, received.MessageType);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
        return document.RootElement.Clone();
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private static JsonElement Data(JsonElement message, string field)
    {
        Assert.True(message.GetProperty("type").GetString() == "next", message.ToString());
        var payload = message.GetProperty("payload");
        Assert.False(payload.TryGetProperty("errors", out _), payload.ToString());
        return payload.GetProperty("data").GetProperty(field);
    }

    private Task SendAsync(object message, CancellationToken cancellationToken) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
