using System.Text.Json;
using LowCode.GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>
/// The runtime's subscriptions over a real WebSocket: each event after its commit. Runs on SQLite and on PostgreSQL
/// through the subclasses at the end of the file; <see cref="RuntimeSubscriptionsAcrossNodesOnPostgreSQL"/> shows
/// delivery from one node to another.
/// </summary>
public abstract class RuntimeSubscriptionTests(ApiFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private static readonly Caller Emma = Caller.User("emma@example.com", "employee");

    [Fact]
    public async Task TaskAssigned_WithoutArguments_StreamsATaskOfferedToOneOfTheCallersGroups()
    {
        using var cts = new CancellationTokenSource(Patience);
        using var client = factory.CreateClient();
        await using var socket = await SubscriptionSocket.ConnectAsync(factory, Emma, cts.Token);
        await socket.SubscribeAsync("1", "subscription { taskAssigned { id stepKey status assigneeRole processKey } }", null, cts.Token);

        var task = await socket.FirstAsync("taskAssigned", () => StartAsync(client), cts.Token);

        Assert.Equal(("submit", "OPEN", "employee", "expense-approval"), (task.GetProperty("stepKey").GetString(), task.GetProperty("status").GetString(), task.GetProperty("assigneeRole").GetString(), task.GetProperty("processKey").GetString()));
    }

    [Fact]
    public async Task InstanceChanged_StreamsEachCommitOfThatInstanceWithItsEvents()
    {
        using var cts = new CancellationTokenSource(Patience);
        using var client = factory.CreateClient();
        var (instanceId, taskId) = await StartAsync(client);
        await using var socket = await SubscriptionSocket.ConnectAsync(factory, Emma, cts.Token);
        await socket.SubscribeAsync("1", "subscription($id: ID!) { instanceChanged(id: $id) { instanceId events at instance { id status } } }", new { id = instanceId }, cts.Token);

        var claimed = false;
        var change = await socket.FirstAsync("instanceChanged", async () =>
        {
            var field = claimed ? "releaseTask" : "claimTask";
            var result = await GraphQLClient.PostAsync(client, $"mutation($id: ID!) {{ {field}(id: $id) {{ error {{ message }} }} }}", new { id = taskId }, Emma);
            Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty(field).GetProperty("error").ValueKind);
            claimed = !claimed;
        }, cts.Token);

        Assert.Equal((instanceId, instanceId, "running"), (change.GetProperty("instanceId").GetString(), change.GetProperty("instance").GetProperty("id").GetString(), change.GetProperty("instance").GetProperty("status").GetString()));
        Assert.Contains(change.GetProperty("events").EnumerateArray().Select(e => e.GetString()), e => e is "taskClaimed" or "taskReleased");
    }

    [Fact]
    public async Task RuleSetPublished_StreamsTheVersionALivePublishMade()
    {
        using var cts = new CancellationTokenSource(Patience);
        using var client = factory.CreateClient();
        await using var socket = await SubscriptionSocket.ConnectAsync(factory, Caller.Designer("dora@example.com"), cts.Token);
        await socket.SubscribeAsync("1", "subscription { ruleSetPublished(key: \"expense-routing\") { key version status publication { publishedBy } } }", null, cts.Token);
        var published = 0;

        var version = await socket.FirstAsync("ruleSetPublished", async () => published = await PublishLiveAsync(client), cts.Token);

        // The stream may have gone live after an earlier attempt; the event is one of the versions published, the latest at most.
        Assert.Equal(("expense-routing", "PUBLISHED", "ada@example.com"), (version.GetProperty("key").GetString(), version.GetProperty("status").GetString(), version.GetProperty("publication").GetProperty("publishedBy").GetString()));
        Assert.InRange(version.GetProperty("version").GetInt32(), 2, published);
    }

    [Fact]
    public async Task TaskAssigned_ForAnotherUser_IsForbiddenForAUser_AndNotificationReceivedStartsForTheCaller()
    {
        var executor = factory.Services.GetRequiredService<IRequestExecutor>();
        using var cts = new CancellationTokenSource(Patience);

        var other = await executor.ExecuteAsync(new GraphQLRequest("subscription { taskAssigned(user: \"max@example.com\") { id } }"), Emma.Context(factory.Services), cts.Token);
        var group = await executor.ExecuteAsync(new GraphQLRequest("subscription { taskAssigned(group: \"finance\") { id } }"), Emma.Context(factory.Services), cts.Token);
        var analyst = await executor.ExecuteAsync(new GraphQLRequest("subscription { taskAssigned(user: \"max@example.com\") { id } }"), Caller.Analyst("ana@example.com").Context(factory.Services), cts.Token);
        var notifications = await executor.ExecuteAsync(new GraphQLRequest("subscription { notificationReceived { id message } }"), Emma.Context(factory.Services), cts.Token);
        var unknown = await executor.ExecuteAsync(new GraphQLRequest("subscription { instanceChanged(id: \"no-such-instance\") { instanceId } }"), Caller.Analyst("ana@example.com").Context(factory.Services), cts.Token);

        Assert.Equal("FORBIDDEN", Code(other));
        Assert.Equal("FORBIDDEN", Code(group));
        Assert.Equal("NOT_FOUND", Code(unknown));
        Assert.NotNull(analyst.Stream);
        Assert.NotNull(notifications.Stream);
        await cts.CancelAsync();
    }

    internal static async Task<(string InstanceId, string TaskId)> StartAsync(HttpClient client)
    {
        var result = await GraphQLClient.PostAsync(client, "mutation { startProcess(key: \"expense-approval\") { instance { id } createdTasks { id } error { message } } }", caller: Emma);
        var started = result.GetProperty("data").GetProperty("startProcess");
        Assert.True(started.GetProperty("error").ValueKind == JsonValueKind.Null, started.ToString());
        return (started.GetProperty("instance").GetProperty("id").GetString()!, started.GetProperty("createdTasks")[0].GetProperty("id").GetString()!);
    }

    private static async Task<int> PublishLiveAsync(HttpClient client)
    {
        var admin = Caller.Admin("ada@example.com");
        var draft = (await GraphQLClient.PostAsync(client, "{ ruleSet(key: \"expense-routing\", version: 0) { etag } }", caller: admin)).GetProperty("data").GetProperty("ruleSet");
        var routing = File.ReadAllText(Path.Combine(NodeScript.RepositoryRoot, "seed", "expense-approval", "expense-routing.ruleset.json"));
        await GraphQLClient.PostAsync(
            client,
            "mutation($definition: JSON!, $etag: String) { saveDraft(kind: RULE_SET, key: \"expense-routing\", definition: $definition, etag: $etag) { error { message } } }",
            new { definition = routing, etag = draft.ValueKind == JsonValueKind.Null ? null : draft.GetProperty("etag").GetString() },
            admin);
        var dryRunId = (await GraphQLClient.PostAsync(client, "{ dryRunRuleSet(processKey: \"expense-approval\", ruleSetKey: \"expense-routing\") { dryRunId } }", caller: admin))
            .GetProperty("data").GetProperty("dryRunRuleSet").GetProperty("dryRunId").GetString();
        var published = (await GraphQLClient.PostAsync(client, "mutation($id: ID!) { publishRuleSet(key: \"expense-routing\", dryRunId: $id) { definition { version } error { message } } }", new { id = dryRunId }, admin))
            .GetProperty("data").GetProperty("publishRuleSet");
        Assert.True(published.GetProperty("error").ValueKind == JsonValueKind.Null, published.ToString());
        return published.GetProperty("definition").GetProperty("version").GetInt32();
    }

    private static string? Code(ExecutionResult result) => result.Errors.Count > 0 ? result.Errors[0].Extensions?.GetValueOrDefault("code") as string : null;
}

public sealed class RuntimeSubscriptionTestsOnSqlite(SqliteApiFactory factory) : RuntimeSubscriptionTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class RuntimeSubscriptionTestsOnPostgreSQL(PostgresApiFactory factory) : RuntimeSubscriptionTests(factory), IClassFixture<PostgresApiFactory>;

/// <summary>Two Api hosts on one PostgreSQL database: a task created through one reaches a subscriber on the other (LISTEN/NOTIFY after commit).</summary>
public sealed class RuntimeSubscriptionsAcrossNodesOnPostgreSQL(PostgresApiFactory nodeA) : IClassFixture<PostgresApiFactory>
{
    [Fact]
    public async Task ATaskCreatedOnNodeA_ReachesATaskAssignedSubscriberOnNodeB()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var nodeB = new ApiFactory(nodeA);
        using var clientA = nodeA.CreateClient();
        using var clientB = nodeB.CreateClient();
        await using var socket = await SubscriptionSocket.ConnectAsync(nodeB, Caller.User("emma@example.com", "employee"), cts.Token);
        await socket.SubscribeAsync("1", "subscription { taskAssigned { id stepKey instanceId } }", null, cts.Token);
        var startedOnA = new List<string>();

        var task = await socket.FirstAsync("taskAssigned", async () => startedOnA.Add((await RuntimeSubscriptionTests.StartAsync(clientA)).InstanceId), cts.Token);

        Assert.Equal("submit", task.GetProperty("stepKey").GetString());
        Assert.Contains(task.GetProperty("instanceId").GetString(), startedOnA);
    }
}
