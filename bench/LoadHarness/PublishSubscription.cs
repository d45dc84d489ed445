using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace LowCode.LoadHarness;

/// <summary>
/// A graphql-transport-ws subscriber on one node to the routing rule set's lifecycle changes, while the changes are
/// made through another node: every publish must arrive (PostgreSQL LISTEN/NOTIFY carries them across).
/// </summary>
internal sealed class PublishSubscription : IAsyncDisposable
{
    private const string Query = "subscription($key: ID) { definitionChanged(kind: RULE_SET, key: $key) { change version } }";

    private readonly ClientWebSocket _socket = new();
    private readonly List<(string Change, int Version)> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;

    /// <summary>
    /// Subscribes on <paramref name="subscribeOn"/>, then saves and discards a draft through <paramref name="changeOn"/>
    /// until the subscriber sees one: from then on the stream is certainly live.
    /// </summary>
    public static async Task<PublishSubscription> StartAsync(Uri subscribeOn, HttpClient changeOn, string adminKey, RoundStats stats, CancellationToken cancellationToken)
    {
        var subscription = new PublishSubscription();
        var socket = subscription._socket;
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri(new Uri(subscribeOn.ToString().Replace("http://", "ws://", StringComparison.Ordinal)), "graphql"), cancellationToken);
        await subscription.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + adminKey } }, cancellationToken);
        var ack = await subscription.ReceiveAsync(cancellationToken);
        if (ack.GetProperty("type").GetString() != "connection_ack")
        {
            throw new InvalidOperationException("The subscription was not acknowledged: " + ack);
        }

        await subscription.SendAsync(new { id = "1", type = "subscribe", payload = new { query = Query, variables = new { key = LoadDefinitions.RuleSet } } }, cancellationToken);
        subscription._receiving = subscription.ReceiveAllAsync();
        while (!cancellationToken.IsCancellationRequested && subscription.Count("DRAFT_DISCARDED") == 0)
        {
            var saved = GraphQLCaller.Payload(await GraphQLCaller.PostAsync(
                changeOn, adminKey, stats, "setup",
                "mutation($key: ID!, $definition: JSON!) { saveDraft(kind: RULE_SET, key: $key, definition: $definition) { definition { etag } error { kind message } problems { path message } } }",
                new { key = LoadDefinitions.RuleSet, definition = JsonDocument.Parse(LoadDefinitions.RuleSetBody(1000)).RootElement }), "saveDraft", stats, "setup")
                ?? throw new InvalidOperationException("Could not save the probe draft: " + string.Join("; ", stats.FailureSamples));
            GraphQLCaller.Payload(await GraphQLCaller.PostAsync(
                changeOn, adminKey, stats, "setup",
                "mutation($key: ID!, $etag: String!) { discardDraft(kind: RULE_SET, key: $key, etag: $etag) { error { kind message } problems { path message } } }",
                new { key = LoadDefinitions.RuleSet, etag = saved.GetProperty("definition").GetProperty("etag").GetString() }), "discardDraft", stats, "setup");
            await Task.Delay(200, cancellationToken);
        }

        return subscription;
    }

    /// <summary>Waits up to <paramref name="patience"/> for every version in <paramref name="published"/>; returns those that never came.</summary>
    public async Task<IReadOnlyList<int>> MissingAsync(IReadOnlyList<int> published, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            List<int> missing;
            lock (_seen)
            {
                missing = [.. published.Where(v => !_seen.Contains(("PUBLISHED", v)))];
            }

            if (missing.Count == 0 || DateTime.UtcNow > deadline || _receiving.IsCompleted)
            {
                return missing;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted on purpose.
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private int Count(string change)
    {
        lock (_seen)
        {
            return _seen.Count(s => s.Change == change);
        }
    }

    private async Task ReceiveAllAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var message = await ReceiveAsync(_stop.Token);
            var type = message.GetProperty("type").GetString();
            if (type == "ping")
            {
                await SendAsync(new { type = "pong" }, _stop.Token);
            }

            if (type != "next")
            {
                continue;
            }

            var change = message.GetProperty("payload").GetProperty("data").GetProperty("definitionChanged");
            lock (_seen)
            {
                _seen.Add((change.GetProperty("change").GetString()!, change.GetProperty("version").GetInt32()));
            }
        }
    }

    private Task SendAsync(object message, CancellationToken cancellationToken) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"The server closed the subscription: {received.CloseStatus} {received.CloseStatusDescription}");
            }

            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
        return document.RootElement.Clone();
    }
}
