using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class RuntimeApiTests
{
    private const string Step = "instance { id status positions data openTasks { id stepKey assigneeUser assigneeRole } exceptions { code } } completedTaskId createdTasks { id stepKey status dueAt } replayed error { kind message } problems { path code message }";

    private const string Start = $$"""
        mutation($key: ID!, $businessKey: String, $idem: String) { startProcess(key: $key, businessKey: $businessKey, idempotencyKey: $idem) { {{Step}} } }
        """;

    private const string Complete = $$"""
        mutation($id: ID!, $data: JSON, $outcome: String, $idem: String) { completeTask(id: $id, data: $data, outcome: $outcome, idempotencyKey: $idem) { {{Step}} } }
        """;

    private const string TaskFields = "task { id status assigneeUser etag } error { kind message } problems { path code }";

    private static readonly int[] NotAnObject = [1, 2];

    private readonly ApiFactory _factory;

    protected RuntimeApiTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task AnExpenseClaimRunsFromStartToPaymentOverGraphQL()
    {
        using var client = _factory.CreateClient();
        var started = Ok(await GraphQLClient.PostAsync(client, Start, new { key = "expense-approval" }, Caller.User("emma@example.com", "employee")), "startProcess");
        var submit = started.GetProperty("createdTasks")[0];
        Assert.Equal(("submit", "OPEN"), (submit.GetProperty("stepKey").GetString(), submit.GetProperty("status").GetString()));

        var inbox = await GraphQLClient.PostAsync(client, "{ myTasks(first: 100) { nodes { id stepKey } } }", null, Caller.User("emma@example.com", "employee"));
        Assert.Contains(inbox.GetProperty("data").GetProperty("myTasks").GetProperty("nodes").EnumerateArray(), t => t.GetProperty("id").GetString() == submit.GetProperty("id").GetString());

        var submitted = Ok(await GraphQLClient.PostAsync(client, Complete, new { id = submit.GetProperty("id").GetString(), data = Claim() }, Caller.User("emma@example.com", "employee")), "completeTask");
        var manager = submitted.GetProperty("createdTasks")[0];
        Assert.Equal("managerApproval", manager.GetProperty("stepKey").GetString());
        Assert.NotEqual(JsonValueKind.Null, manager.GetProperty("dueAt").ValueKind);

        var approved = Ok(await GraphQLClient.PostAsync(client, Complete, new { id = manager.GetProperty("id").GetString(), data = new { reviewComment = "ok" }, outcome = "approved" }, Caller.User("max@example.com")), "completeTask");
        Assert.Equal("payment", approved.GetProperty("instance").GetProperty("positions")[0].GetString());

        var id = approved.GetProperty("instance").GetProperty("id").GetString();
        var read = await GraphQLClient.PostAsync(client, "query($id: ID!) { instance(id: $id) { processVersion pinnedForms data timeline { type actor } decisions { step target source ruleSetKey ruleSetVersion firedRules facts } } }", new { id });
        Assert.False(read.TryGetProperty("errors", out _), read.ToString());
        var instance = read.GetProperty("data").GetProperty("instance");
        Assert.Equal(1, instance.GetProperty("pinnedForms").GetProperty("expense-claim").GetInt32());
        var decision = instance.GetProperty("decisions")[1];
        Assert.Equal(("payment", "rule", 1), (decision.GetProperty("target").GetString(), decision.GetProperty("source").GetString(), decision.GetProperty("ruleSetVersion").GetInt32()));
        Assert.Equal("approved", decision.GetProperty("facts").GetProperty("event").GetProperty("outcome").GetString());
        Assert.Contains(instance.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("type").GetString() == "taskCompleted" && e.GetProperty("actor").GetString() == "max@example.com");
    }

    [Fact]
    public async Task AFailingSubmissionIsAnInvalidPayloadWithEveryProblemByPath()
    {
        using var client = _factory.CreateClient();
        var started = Ok(await GraphQLClient.PostAsync(client, Start, new { key = "expense-approval" }, Caller.User("emma@example.com", "employee")), "startProcess");
        var submitId = started.GetProperty("createdTasks")[0].GetProperty("id").GetString();

        var payload = Payload(await GraphQLClient.PostAsync(client, Complete, new { id = submitId, data = new { currency = "EUR" } }, Caller.User("emma@example.com", "employee")), "completeTask");
        var notObject = Payload(await GraphQLClient.PostAsync(client, Complete, new { id = submitId, data = NotAnObject }, Caller.User("emma@example.com", "employee")), "completeTask");

        Assert.Equal("INVALID", payload.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("instance").ValueKind);
        var paths = payload.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains("employee.employeeName", paths);
        Assert.Contains("employee.costCenter", paths);
        Assert.Equal("data.notObject", notObject.GetProperty("problems")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task ClaimReleaseReassignAndTheTypedFailuresOverGraphQL()
    {
        using var client = _factory.CreateClient();
        var started = Ok(await GraphQLClient.PostAsync(client, Start, new { key = "expense-approval" }, Caller.User("emma@example.com", "employee")), "startProcess");
        var id = started.GetProperty("createdTasks")[0].GetProperty("id").GetString();
        const string Claim = $$"""mutation($id: ID!) { claimTask(id: $id) { {{TaskFields}} } }""";
        const string Release = $$"""mutation($id: ID!) { releaseTask(id: $id) { {{TaskFields}} } }""";
        const string Reassign = $$"""mutation($id: ID!, $user: String!) { reassignTask(id: $id, user: $user) { {{TaskFields}} } }""";

        var claimed = Payload(await GraphQLClient.PostAsync(client, Claim, new { id }, Caller.User("emma@example.com", "employee")), "claimTask");
        var taken = Payload(await GraphQLClient.PostAsync(client, Claim, new { id }, Caller.User("dora@example.com", "employee")), "claimTask");
        var outsider = Payload(await GraphQLClient.PostAsync(client, Release, new { id }, Caller.User("dora@example.com", "employee")), "releaseTask");
        var released = Payload(await GraphQLClient.PostAsync(client, Release, new { id }, Caller.User("emma@example.com", "employee")), "releaseTask");
        var reassigned = Payload(await GraphQLClient.PostAsync(client, Reassign, new { id, user = "dora@example.com" }, Caller.User("emma@example.com", "employee")), "reassignTask");
        var missing = Payload(await GraphQLClient.PostAsync(client, Claim, new { id = "nope" }, Caller.User("emma@example.com", "employee")), "claimTask");

        Assert.Equal(("CLAIMED", "emma@example.com"), (claimed.GetProperty("task").GetProperty("status").GetString(), claimed.GetProperty("task").GetProperty("assigneeUser").GetString()));
        Assert.Equal("CONFLICT", taken.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("FORBIDDEN", outsider.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("OPEN", released.GetProperty("task").GetProperty("status").GetString());
        Assert.Equal("dora@example.com", reassigned.GetProperty("task").GetProperty("assigneeUser").GetString());
        Assert.Equal("NOT_FOUND", missing.GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task StartAndCompleteWithAnIdempotencyKeyReplayTheFirstResult()
    {
        using var client = _factory.CreateClient();
        var key = Guid.NewGuid().ToString("N");
        var first = Ok(await GraphQLClient.PostAsync(client, Start, new { key = "expense-approval", idem = key }, Caller.User("emma@example.com", "employee")), "startProcess");
        var again = Ok(await GraphQLClient.PostAsync(client, Start, new { key = "expense-approval", idem = key }, Caller.User("emma@example.com", "employee")), "startProcess");
        var taskId = first.GetProperty("createdTasks")[0].GetProperty("id").GetString();

        var done = Ok(await GraphQLClient.PostAsync(client, Complete, new { id = taskId, data = Claim(), idem = key + "-c" }, Caller.User("emma@example.com", "employee")), "completeTask");
        var doneAgain = Ok(await GraphQLClient.PostAsync(client, Complete, new { id = taskId, data = Claim(), idem = key + "-c" }, Caller.User("emma@example.com", "employee")), "completeTask");
        var withoutKey = Payload(await GraphQLClient.PostAsync(client, Complete, new { id = taskId, data = Claim() }, Caller.User("emma@example.com", "employee")), "completeTask");

        Assert.Equal(first.GetProperty("instance").GetProperty("id").GetString(), again.GetProperty("instance").GetProperty("id").GetString());
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.True(doneAgain.GetProperty("replayed").GetBoolean());
        Assert.Equal(done.GetProperty("createdTasks")[0].GetProperty("id").GetString(), doneAgain.GetProperty("createdTasks")[0].GetProperty("id").GetString());
        Assert.Equal("CONFLICT", withoutKey.GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task StartingAnUnknownProcessIsNotFoundAndADuplicateBusinessKeyIsAConflict()
    {
        using var client = _factory.CreateClient();
        var businessKey = Guid.NewGuid().ToString("N");

        var unknown = Payload(await GraphQLClient.PostAsync(client, Start, new { key = "no-such-process" }, Caller.User("emma@example.com", "employee")), "startProcess");
        Ok(await GraphQLClient.PostAsync(client, Start, new { key = "expense-approval", businessKey }, Caller.User("emma@example.com", "employee")), "startProcess");
        var duplicate = Payload(await GraphQLClient.PostAsync(client, Start, new { key = "expense-approval", businessKey }, Caller.User("emma@example.com", "employee")), "startProcess");

        Assert.Equal("NOT_FOUND", unknown.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("CONFLICT", duplicate.GetProperty("error").GetProperty("kind").GetString());
    }

    private static object Claim() => new
    {
        employee = new { employeeName = "Emma Example", employeeEmail = "emma@example.com", managerEmail = "max@example.com", department = "sales", costCenter = "CC-1234" },
        currency = "EUR",
        lines = new[] { new { date = "2026-02-20", category = "meals", description = "Customer dinner", amount = 40 } },
    };

    private static JsonElement Payload(JsonElement result, string field)
    {
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        return result.GetProperty("data").GetProperty(field);
    }

    private static JsonElement Ok(JsonElement result, string field)
    {
        var payload = Payload(result, field);
        Assert.True(payload.GetProperty("error").ValueKind == JsonValueKind.Null, payload.ToString());
        return payload;
    }
}

public sealed class RuntimeApiTestsOnSqlite(SqliteApiFactory factory) : RuntimeApiTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class RuntimeApiTestsOnPostgreSQL(PostgresApiFactory factory) : RuntimeApiTests(factory), IClassFixture<PostgresApiFactory>;
