using System.Security.Cryptography;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;
using LowCode.Engine.Tests.Routing;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;

namespace LowCode.Engine.Tests.Storage;

/// <summary>Two nodes in one test process, each with its own notifier, store and cache, over one PostgreSQL database.</summary>
public sealed class PostgresDefinitionChangeNotifierTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private const string RuleSet = """
        { "key": "routing", "name": "Routing {0}", "rules": [
          { "name": "big", "when": [ { "path": "total", "op": ">", "value": 100 } ], "then": [ { "type": "setData", "path": "big", "value": true } ] } ] }
        """;

    [Fact]
    public async Task Publish_OnOneNode_ReachesASubscriberAndInvalidatesTheRuleSetCacheOnAnother()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await using var a = await Node.StartAsync(db);
        await using var b = await Node.StartAsync(db);
        using var cts = new CancellationTokenSource(Patience);
        await using var onB = b.Notifier.Subscribe(DefinitionKind.RuleSet, "routing", cts.Token).GetAsyncEnumerator(cts.Token);
        await PublishRuleSetAsync(a, "v1");
        Assert.Equal(1, (await NextPublishAsync(onB)).Version);
        Assert.Equal(1, (await b.Cache.GetLatestAsync("routing", cts.Token))!.Version);

        await PublishRuleSetAsync(a, "v2");

        var published = await NextPublishAsync(onB);
        Assert.Equal((2, "ada", "Routing v2"), (published.Version, published.User, published.Current.Name));
        var compilationsBefore = b.Cache.Compilations;
        Assert.Equal(2, (await b.Cache.GetLatestAsync("routing", cts.Token))!.Version);
        Assert.Equal(compilationsBefore + 1, b.Cache.Compilations);
        Assert.Equal(2, (await b.Cache.GetLatestAsync("routing", cts.Token))!.Version);
        Assert.Equal(compilationsBefore + 1, b.Cache.Compilations);
    }

    [Fact]
    public async Task Node_DoesNotDeliverItsOwnNotificationASecondTime()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await using var a = await Node.StartAsync(db);
        await using var b = await Node.StartAsync(db);
        using var cts = new CancellationTokenSource(Patience);
        await using var onA = a.Notifier.Subscribe(DefinitionKind.Form, null, cts.Token).GetAsyncEnumerator(cts.Token);

        await a.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form("first"), null, "ada");
        await b.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form("second"), null, "bob");

        // NOTIFY delivers in commit order: had A's own notification come back, it would arrive before B's.
        Assert.True(await onA.MoveNextAsync());
        Assert.Equal(("first", "ada"), (onA.Current.Key, onA.Current.User));
        Assert.True(await onA.MoveNextAsync());
        Assert.Equal(("second", "bob"), (onA.Current.Key, onA.Current.User));
        Assert.Equal(1, a.Notifier.Received);
    }

    [Fact]
    public async Task ChangeTooLargeForANotification_IsReadFromTheDatabaseByTheOtherNode()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await using var a = await Node.StartAsync(db);
        await using var b = await Node.StartAsync(db);
        using var cts = new CancellationTokenSource(Patience);
        await using var onB = b.Notifier.Subscribe(DefinitionKind.Form, "big", cts.Token).GetAsyncEnumerator(cts.Token);
        var noise = Convert.ToHexString(RandomNumberGenerator.GetBytes(12_000));
        var json = Samples.Form("big").Replace("\"name\": \"Leave request\"", $"\"name\": \"Big\", \"description\": \"{noise}\"", StringComparison.Ordinal);

        var saved = (await a.Store.SaveDraftAsync(DefinitionKind.Form, json, null, "ada")).Value!;

        Assert.True(await onB.MoveNextAsync());
        Assert.Equal(saved.ETag, onB.Current.Current.ETag);
        Assert.Equal(saved.Json, onB.Current.Current.Json);
    }

    private static async Task<DefinitionChange> NextPublishAsync(IAsyncEnumerator<DefinitionChange> changes)
    {
        while (await changes.MoveNextAsync())
        {
            if (changes.Current.Change == DefinitionChangeKind.Published)
            {
                return changes.Current;
            }
        }

        throw new InvalidOperationException("The subscription ended before a publish arrived.");
    }

    private static async Task PublishRuleSetAsync(Node node, string name)
    {
        var existing = await node.Store.GetDraftAsync(DefinitionKind.RuleSet, "routing");
        var draft = await node.Store.SaveDraftAsync(DefinitionKind.RuleSet, RuleSet.Replace("{0}", name, StringComparison.Ordinal), existing?.ETag, "ada");
        Assert.True(draft.Succeeded, draft.Error?.Message + string.Join("; ", draft.Error?.Problems ?? []));
        var published = await node.Store.PublishAsync(DefinitionKind.RuleSet, "routing", draft.Value!.ETag, "ada");
        Assert.True(published.Succeeded, published.Error?.Message);
    }

    private sealed class Node : IAsyncDisposable
    {
        private Node(TestDatabase db)
        {
            Notifier = new PostgresDefinitionChangeNotifier(db.Options, db.Contexts, TimeProvider.System);
            var checker = new SandboxExpressionChecker(ExpressionCompiler.Default);
            Store = new EfDefinitionStore(db.Contexts, new DefinitionValidator(checker), db.Clock, Notifier);
            Cache = new CompiledRuleSetCache(Store, RoutingTestSupport.Compiler, Notifier, TimeProvider.System);
        }

        public PostgresDefinitionChangeNotifier Notifier { get; }

        public EfDefinitionStore Store { get; }

        public CompiledRuleSetCache Cache { get; }

        public static async Task<Node> StartAsync(TestDatabase db)
        {
            var node = new Node(db);
            await node.Notifier.StartAsync();
            return node;
        }

        public async ValueTask DisposeAsync()
        {
            Cache.Dispose();
            await Notifier.DisposeAsync();
        }
    }
}
