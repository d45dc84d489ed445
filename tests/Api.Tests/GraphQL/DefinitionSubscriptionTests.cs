using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LowCode.GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class DefinitionSubscriptionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ApiFactory _factory;

    protected DefinitionSubscriptionTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task DefinitionChanged_InProcess_ReceivesDraftSavedThenPublished()
    {
        using var client = _factory.CreateClient();
        using var cts = new CancellationTokenSource(Patience);
        var executor = _factory.Services.GetRequiredService<IRequestExecutor>();
        var result = await executor.ExecuteAsync(
            new GraphQLRequest("subscription { definitionChanged(kind: FORM, key: \"watched\") { change kind key version by at definition { status etag } } }"),
            Caller.Designer("watcher@example.com").Context(_factory.Services),
            cts.Token);
        Assert.NotNull(result.Stream);
        await using var events = result.Stream.GetAsyncEnumerator(cts.Token);
        var first = events.MoveNextAsync().AsTask();

        await SaveAsync(client, "other-form");
        var draft = await SaveAsync(client, "watched");
        var published = await GraphQLClient.PostAsync(client, "mutation { publish(kind: FORM, key: \"watched\") { definition { etag } } }", Caller.Designer("bob"));

        Assert.True(await first);
        var saved = Data(events.Current);
        Assert.Equal(("DRAFT_SAVED", "FORM", "watched", 0, "ada"), (saved.GetProperty("change").GetString(), saved.GetProperty("kind").GetString(), saved.GetProperty("key").GetString(), saved.GetProperty("version").GetInt32(), saved.GetProperty("by").GetString()));
        Assert.Equal(draft, saved.GetProperty("definition").GetProperty("etag").GetString());
        Assert.True(DateTimeOffset.TryParse(saved.GetProperty("at").GetString(), out _));
        Assert.True(await events.MoveNextAsync());
        var publish = Data(events.Current);
        Assert.Equal(("PUBLISHED", 1, "bob", "PUBLISHED"), (publish.GetProperty("change").GetString(), publish.GetProperty("version").GetInt32(), publish.GetProperty("by").GetString(), publish.GetProperty("definition").GetProperty("status").GetString()));
        Assert.Equal(
            published.GetProperty("data").GetProperty("publish").GetProperty("definition").GetProperty("etag").GetString(),
            publish.GetProperty("definition").GetProperty("etag").GetString());
    }

    [Fact]
    public async Task DefinitionChanged_OverTheWebSocket_StreamsAPublish()
    {
        using var client = _factory.CreateClient();
        using var cts = new CancellationTokenSource(Patience);
        var sockets = _factory.Server.CreateWebSocketClient();
        sockets.SubProtocols.Add("graphql-transport-ws");
        using var socket = await sockets.ConnectAsync(new Uri(_factory.Server.BaseAddress, "graphql"), cts.Token);
        await SendAsync(socket, new { type = "connection_init", payload = new { Authorization = "Bearer " + await _factory.KeyForAsync(Caller.Designer("watcher@example.com")) } }, cts.Token);
        Assert.Equal("connection_ack", (await ReceiveAsync(socket, cts.Token)).GetProperty("type").GetString());
        await SendAsync(socket, new
        {
            id = "1",
            type = "subscribe",
            payload = new { query = "subscription($key: ID) { definitionChanged(kind: FORM, key: $key) { change version } }", variables = new { key = "over-ws" } },
        }, cts.Token);

        // The protocol has no "subscribed" acknowledgement: save drafts until the first event shows the stream is live.
        var etag = await SaveAsync(client, "over-ws");
        var receive = ReceiveAsync(socket, cts.Token);
        while (await Task.WhenAny(receive, Task.Delay(200, cts.Token)) != receive)
        {
            etag = await SaveAsync(client, "over-ws", etag);
        }

        var first = await receive;
        Assert.Equal("DRAFT_SAVED", first.GetProperty("payload").GetProperty("data").GetProperty("definitionChanged").GetProperty("change").GetString());
        await GraphQLClient.PostAsync(client, "mutation { publish(kind: FORM, key: \"over-ws\") { definition { version } } }");
        JsonElement next;
        do
        {
            next = await ReceiveAsync(socket, cts.Token);
            Assert.Equal(("next", "1"), (next.GetProperty("type").GetString(), next.GetProperty("id").GetString()));
        }
        while (next.GetProperty("payload").GetProperty("data").GetProperty("definitionChanged").GetProperty("change").GetString() == "DRAFT_SAVED");

        var change = next.GetProperty("payload").GetProperty("data").GetProperty("definitionChanged");
        Assert.Equal(("PUBLISHED", 1), (change.GetProperty("change").GetString(), change.GetProperty("version").GetInt32()));
        await SendAsync(socket, new { id = "1", type = "complete" }, cts.Token);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cts.Token);
    }

    [Fact]
    public async Task DefinitionChanged_WithAnUnknownKind_FailsValidationWithoutAStream()
    {
        var executor = _factory.Services.GetRequiredService<IRequestExecutor>();

        var result = await executor.ExecuteAsync(
            new GraphQLRequest("subscription { definitionChanged(kind: WIDGET) { change } }"),
            Caller.Designer("watcher@example.com").Context(_factory.Services),
            CancellationToken.None);

        Assert.Null(result.Stream);
        Assert.Contains(result.Errors, e => e.Message.Contains("WIDGET", StringComparison.Ordinal));
    }

    private static async Task<string> SaveAsync(HttpClient client, string key, string? etag = null)
    {
        var result = await GraphQLClient.PostAsync(
            client,
            "mutation($key: ID!, $definition: JSON!, $etag: String) { saveDraft(kind: FORM, key: $key, definition: $definition, etag: $etag) { definition { etag } error { message } } }",
            new { key, etag, definition = new { key, name = key, fields = new[] { new { key = "note", type = "text" } } } },
            Caller.Designer("ada"));
        var payload = result.GetProperty("data").GetProperty("saveDraft");
        Assert.True(payload.GetProperty("error").ValueKind == JsonValueKind.Null, payload.ToString());
        return payload.GetProperty("definition").GetProperty("etag").GetString()!;
    }

    private static JsonElement Data(ExecutionResult result)
    {
        Assert.Empty(result.Errors);
        using var document = JsonDocument.Parse(ExecutionResultSerializer.Serialize(result));
        return document.RootElement.GetProperty("data").GetProperty("definitionChanged").Clone();
    }

    private static Task SendAsync(WebSocket socket, object message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, cancellationToken);
            Assert.NotEqual(WebSocketMessageType.Close, received.MessageType);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
        return document.RootElement.Clone();
    }
}

public sealed class DefinitionSubscriptionTestsOnSqlite(SqliteApiFactory factory) : DefinitionSubscriptionTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class DefinitionSubscriptionTestsOnPostgreSQL(PostgresApiFactory factory) : DefinitionSubscriptionTests(factory), IClassFixture<PostgresApiFactory>;
