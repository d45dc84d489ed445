using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LowCode.Api.Tests.GraphQL;
using LowCode.Engine.Storage;
using LowCode.Tests.Databases;

namespace LowCode.Api.Tests.Hosting;

/// <summary>
/// Two Api processes on one PostgreSQL database, as behind a load balancer: a publish on node A reaches node B's
/// <c>definitionChanged</c> subscribers and its compiled-rule-set cache. The negative control turns B's listening off and
/// shows that then neither happens, so the first test passes because of the notifications and nothing else.
/// </summary>
public sealed class TwoApiNodesOnPostgreSQL
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task PublishOnNodeA_ReachesASubscriberOnNodeB_AndNodeBCompilesTheNewVersionNext()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var nodes = await TwoNodes.StartAsync(listenOnB: true, cts.Token);
        await using var subscription = await nodes.SubscribeOnBAsync(cts.Token);

        var published = await nodes.PublishOnAAsync();

        var change = await subscription.NextAsync(cts.Token);
        Assert.Equal(("PUBLISHED", 2, "node-a"), (change.GetProperty("change").GetString(), change.GetProperty("version").GetInt32(), change.GetProperty("by").GetString()));
        Assert.Equal(published, change.GetProperty("definition").GetProperty("etag").GetString());
        var routing = await nodes.RuleSetOnBAsync();
        Assert.Equal(2, routing.GetProperty("version").GetInt32());
        Assert.True(routing.GetProperty("compiled").GetBoolean());
        Assert.True(routing.GetProperty("compilations").GetInt64() >= 2, "node B compiled version 1, then version 2");
    }

    [Fact]
    public async Task NegativeControl_WithNotificationsOffOnNodeB_NodeBSeesNeitherThePublishNorTheNewVersion()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var nodes = await TwoNodes.StartAsync(listenOnB: false, cts.Token);
        await using var subscription = await nodes.SubscribeOnBAsync(cts.Token);

        await nodes.PublishOnAAsync();

        // A change made on B itself after A's publish committed: B's subscriber gets it, and nothing from A before it.
        await nodes.SaveDraftOnBAsync("marker", null);
        var next = await subscription.NextAsync(cts.Token);
        Assert.Equal(("DRAFT_SAVED", "node-b"), (next.GetProperty("change").GetString(), next.GetProperty("by").GetString()));
        Assert.Equal(1, (await nodes.RuleSetOnBAsync()).GetProperty("version").GetInt32());
    }

    private sealed class TwoNodes : IAsyncDisposable
    {
        private const string Key = "routing";

        private readonly ScratchDatabase _database;
        private readonly ApiProcess _a;
        private readonly ApiProcess _b;
        private readonly HttpClient _clientA;
        private readonly HttpClient _clientB;

        private TwoNodes(ScratchDatabase database, ApiProcess a, ApiProcess b)
        {
            _database = database;
            _a = a;
            _b = b;
            _clientA = a.CreateClient();
            _clientB = b.CreateClient();
        }

        public static async Task<TwoNodes> StartAsync(bool listenOnB, CancellationToken cancellationToken)
        {
            var database = await ScratchDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
            Dictionary<string, string> Settings(bool listen) => new()
            {
                ["LowCode:Database:Provider"] = "PostgreSQL",
                ["ConnectionStrings:LowCode"] = database.ConnectionString,
                ["LowCode:Database:ListenForChanges"] = listen ? "true" : "false",
                ["LowCode:LoadSeedApps"] = "false",
            };

            // A migrates first (its key command makes the first admin key); B then starts on a current schema with that
            // key already there, as a node added behind the load balancer would.
            var a = await ApiProcess.StartAsync(Settings(true), cancellationToken);
            var b = await ApiProcess.StartAsync(Settings(listenOnB), cancellationToken, createAdminKey: false);
            var nodes = new TwoNodes(database, a, b);
            var etag = await SaveDraftAsync(nodes._clientA, "node-a", "Routing v1", null);
            await PublishAsync(nodes._clientA, "node-a");
            Assert.Equal(1, (await nodes.RuleSetOnBAsync()).GetProperty("version").GetInt32());
            return nodes;
        }

        /// <summary>Subscribes on B and saves drafts on B until the first arrives: then the stream is certainly live.</summary>
        public async Task<Subscription> SubscribeOnBAsync(CancellationToken cancellationToken)
        {
            var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("graphql-transport-ws");
            await socket.ConnectAsync(new Uri(new Uri(_b.Address.ToString().Replace("http://", "ws://", StringComparison.Ordinal)), "graphql"), cancellationToken);
            var subscription = new Subscription(socket);
            await subscription.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + _a.AdminKey } }, cancellationToken);
            Assert.Equal("connection_ack", (await subscription.ReceiveAsync(cancellationToken)).GetProperty("type").GetString());
            await subscription.SendAsync(new
            {
                id = "1",
                type = "subscribe",
                payload = new { query = $"subscription {{ definitionChanged(kind: RULE_SET, key: \"{Key}\") {{ change version by definition {{ etag }} }} }}" },
            }, cancellationToken);

            var etag = await SaveDraftOnBAsync("Routing v2", null);
            var first = subscription.NextAsync(cancellationToken);
            while (await Task.WhenAny(first, Task.Delay(200, cancellationToken)) != first)
            {
                etag = await SaveDraftOnBAsync("Routing v2", etag);
            }

            var seen = await first;
            Assert.Equal("DRAFT_SAVED", seen.GetProperty("change").GetString());

            // Drain the drafts saved while the stream was not yet live; the last one carries the current etag.
            while (seen.GetProperty("definition").GetProperty("etag").GetString() != etag)
            {
                seen = await subscription.NextAsync(cancellationToken);
            }

            return subscription;
        }

        public Task<string> SaveDraftOnBAsync(string name, string? etag) => SaveDraftAsync(_clientB, "node-b", name, etag);

        /// <summary>Publishes, on A, the draft saved on B: A's only change, so B's subscriber expects exactly this publish.</summary>
        public Task<string> PublishOnAAsync() => PublishAsync(_clientA, "node-a");

        public async Task<JsonElement> RuleSetOnBAsync()
        {
            using var document = JsonDocument.Parse(await _clientB.GetStringAsync(new Uri($"health/rule-sets/{Key}", UriKind.Relative)));
            return document.RootElement.Clone();
        }

        public async ValueTask DisposeAsync()
        {
            _clientA.Dispose();
            _clientB.Dispose();
            await _b.DisposeAsync();
            await _a.DisposeAsync();
            await _database.DisposeAsync();
        }

        private static async Task<string> SaveDraftAsync(HttpClient client, string user, string name, string? etag)
        {
            var definition = new
            {
                key = Key,
                name,
                rules = new[]
                {
                    new
                    {
                        name = "big",
                        when = new[] { new { path = "total", op = ">", value = 100 } },
                        then = new[] { new { type = "setData", path = "big", value = true } },
                    },
                },
            };
            var result = await GraphQLClient.PostAsync(
                client,
                "mutation($definition: JSON!, $etag: String) { saveDraft(kind: RULE_SET, key: \"routing\", definition: $definition, etag: $etag) { definition { etag } error { message } } }",
                new { definition, etag },
                Caller.Admin(user));
            var payload = result.GetProperty("data").GetProperty("saveDraft");
            Assert.True(payload.GetProperty("error").ValueKind == JsonValueKind.Null, payload.ToString());
            return payload.GetProperty("definition").GetProperty("etag").GetString()!;
        }

        /// <summary>Publishes the draft live: a dry run of it (no process routes with this rule set, so it replays nothing), then publishRuleSet.</summary>
        private static async Task<string> PublishAsync(HttpClient client, string user)
        {
            var dryRun = (await GraphQLClient.PostAsync(
                client,
                "{ dryRunRuleSet(processKey: \"unrouted\", ruleSetKey: \"routing\") { dryRunId problems { message } } }",
                caller: Caller.Admin(user))).GetProperty("data").GetProperty("dryRunRuleSet");
            Assert.True(dryRun.GetProperty("dryRunId").ValueKind == JsonValueKind.String, dryRun.ToString());
            var result = await GraphQLClient.PostAsync(
                client,
                "mutation($dryRunId: ID!) { publishRuleSet(key: \"routing\", dryRunId: $dryRunId) { definition { etag } error { message } } }",
                new { dryRunId = dryRun.GetProperty("dryRunId").GetString() },
                Caller.Admin(user));
            var payload = result.GetProperty("data").GetProperty("publishRuleSet");
            Assert.True(payload.GetProperty("error").ValueKind == JsonValueKind.Null, payload.ToString());
            return payload.GetProperty("definition").GetProperty("etag").GetString()!;
        }
    }

    private sealed class Subscription(ClientWebSocket socket) : IAsyncDisposable
    {
        public async Task<JsonElement> NextAsync(CancellationToken cancellationToken)
        {
            var message = await ReceiveAsync(cancellationToken);
            Assert.Equal("next", message.GetProperty("type").GetString());
            return message.GetProperty("payload").GetProperty("data").GetProperty("definitionChanged");
        }

        public Task SendAsync(object message, CancellationToken cancellationToken) =>
            socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

        public async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
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

        public ValueTask DisposeAsync()
        {
            socket.Abort();
            socket.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
