using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class OperationsApiTests
{
    private const string Start = """
        mutation { startProcess(key: "expense-approval") { instance { id } createdTasks { id } error { message } } }
        """;

    private const string Complete = """
        mutation($id: ID!, $data: JSON, $outcome: String) { completeTask(id: $id, data: $data, outcome: $outcome) { createdTasks { id stepKey } error { message } } }
        """;

    private const string DryRun = """
        query($ruleSet: JSON, $version: Int) {
          dryRunRuleSet(processKey: "expense-approval", ruleSetKey: "expense-routing", ruleSet: $ruleSet, version: $version, last: 2) {
            ruleSetVersion replayed changed failed skipped
            examples { sequence instanceId step outcome decidedAt oldTarget oldRules oldRuleSetVersion newTarget newRules error }
            problems { path code message }
          }
        }
        """;

    private const string Operation = "instance { id status positions exceptions { code } } createdTasks { id stepKey } error { kind message } problems { path code message }";

    private readonly ApiFactory _factory;

    protected OperationsApiTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task DryRunRuleSetReportsTheChangedDecisionOfALoweredThresholdAndABrokenCandidateAsProblems()
    {
        using var client = _factory.CreateClient();
        var id = await ApprovedClaimAsync(client);
        var routing = File.ReadAllText(Path.Combine(NodeScript.RepositoryRoot, "seed", "expense-approval", "expense-routing.ruleset.json"));
        var lowered = routing.Replace("\"value\": 1000", "\"value\": 30", StringComparison.Ordinal);

        var changed = Data(await GraphQLClient.PostAsync(client, DryRun, new { ruleSet = lowered }), "dryRunRuleSet");
        var same = Data(await GraphQLClient.PostAsync(client, DryRun, new { version = 1 }), "dryRunRuleSet");
        var broken = Data(await GraphQLClient.PostAsync(client, DryRun, new { ruleSet = routing.Replace("> 5000", ">", StringComparison.Ordinal) }), "dryRunRuleSet");

        Assert.Equal((2, 1, 0), (changed.GetProperty("replayed").GetInt32(), changed.GetProperty("changed").GetInt32(), changed.GetProperty("failed").GetInt32()));
        var example = changed.GetProperty("examples")[0];
        Assert.Equal((id, "managerApproval", "payment", "financeReview"), (example.GetProperty("instanceId").GetString(), example.GetProperty("step").GetString(), example.GetProperty("oldTarget").GetString(), example.GetProperty("newTarget").GetString()));
        Assert.Equal((2, 0), (same.GetProperty("replayed").GetInt32(), same.GetProperty("changed").GetInt32()));
        Assert.Equal("$.rules[4]", broken.GetProperty("problems")[0].GetProperty("path").GetString());
        Assert.Equal(0, broken.GetProperty("replayed").GetInt32());
    }

    [Fact]
    public async Task RepairsAnswerWithTheInstanceOrTheirProblemsAndTheTimelineNamesWhoActed()
    {
        using var client = _factory.CreateClient();
        var id = await ApprovedClaimAsync(client);

        var moved = Data(await Mutate(client, "moveInstanceToStep(id: $id, step: \"financeReview\", reason: \"Finance should see it.\")", id), "moveInstanceToStep");
        var retry = Data(await Mutate(client, "retryStep(id: $id, reason: \"Try again.\")", id), "retryStep");
        var reroute = Data(await Mutate(client, "rerouteInstance(id: $id, reason: \"Rules fixed.\")", id), "rerouteInstance");
        var resolve = Data(await Mutate(client, "resolveException(id: $id, code: \"PAYMENT_FAILED\", reason: \"Paid.\")", id), "resolveException");
        var noReason = Data(await Mutate(client, "cancelInstance(id: $id, reason: \" \")", id), "cancelInstance");
        var cancelled = Data(await Mutate(client, "cancelInstance(id: $id, reason: \"Duplicate claim.\")", id), "cancelInstance");

        Assert.Equal("financeReview", moved.GetProperty("createdTasks")[0].GetProperty("stepKey").GetString());
        Assert.Equal("retry.nothingFailed", retry.GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Equal("reroute.notStopped", reroute.GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Equal("NOT_FOUND", resolve.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("reason.required", noReason.GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Equal("cancelled", cancelled.GetProperty("instance").GetProperty("status").GetString());

        var read = await GraphQLClient.PostAsync(client, "query($id: ID!) { instance(id: $id) { timeline { type actor payload } } }", new { id });
        var timeline = Data(read, "instance").GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "instanceMoved" && e.GetProperty("actor").GetString() == "ada@example.com");
        var cancel = Assert.Single(timeline, e => e.GetProperty("type").GetString() == "instanceCancelled");
        Assert.Equal(("ada@example.com", "Duplicate claim."), (cancel.GetProperty("actor").GetString(), cancel.GetProperty("payload").GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task MigrateInstancesAndEraseInstanceAnswerWithTheirProblemsAsData()
    {
        using var client = _factory.CreateClient();
        var id = await ApprovedClaimAsync(client);

        var migration = await GraphQLClient.PostAsync(
            client,
            "mutation { migrateInstances(processKey: \"expense-approval\", fromVersion: 1, toVersion: 7, stepMapping: { payment: \"nowhere\" }, validateOnly: true, reason: \"Check.\") { valid validateOnly migratedCount problems { path code } instances { instanceId migrated problems { code } } } }",
            null,
            "ada@example.com",
            "admin");
        var notMapping = await GraphQLClient.PostAsync(
            client,
            "mutation { migrateInstances(processKey: \"expense-approval\", fromVersion: 1, toVersion: 2, stepMapping: [1], reason: \"Check.\") { valid problems { code } } }",
            null,
            "ada@example.com",
            "admin");
        var running = Data(await Mutate(client, "eraseInstance(id: $id, reason: \"Erasure request.\")", id, "instanceId events error { kind message } problems { code }"), "eraseInstance");
        Data(await Mutate(client, "cancelInstance(id: $id, reason: \"Withdrawn.\")", id), "cancelInstance");
        var erased = Data(await Mutate(client, "eraseInstance(id: $id, reason: \"Erasure request.\")", id, "instanceId events tasks error { kind message } problems { code }"), "eraseInstance");

        var report = Data(migration, "migrateInstances");
        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Equal("migration.versionNotFound", report.GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Equal("migration.mappingNotObject", Data(notMapping, "migrateInstances").GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Equal("CONFLICT", running.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal(id, erased.GetProperty("instanceId").GetString());
        Assert.True(erased.GetProperty("events").GetInt32() > 5);
        var data = Data(await GraphQLClient.PostAsync(client, "query($id: ID!) { instance(id: $id) { data } }", new { id }), "instance").GetProperty("data");
        Assert.Empty(data.EnumerateObject());
    }

    private static Task<JsonElement> Mutate(HttpClient client, string field, string id, string selection = Operation) =>
        GraphQLClient.PostAsync(client, $$"""mutation($id: ID!) { {{field}} { {{selection}} } }""", new { id }, "ada@example.com", "admin");

    private static async Task<string> ApprovedClaimAsync(HttpClient client)
    {
        var started = Data(await GraphQLClient.PostAsync(client, Start, null, "emma@example.com", "employee"), "startProcess");
        var id = started.GetProperty("instance").GetProperty("id").GetString()!;
        var claim = new
        {
            employee = new { employeeName = "Emma Example", employeeEmail = "emma@example.com", managerEmail = "max@example.com", department = "sales", costCenter = "CC-1234" },
            currency = "EUR",
            lines = new[] { new { date = "2026-02-20", category = "meals", description = "Customer dinner", amount = 40 } },
        };
        var submitted = Data(await GraphQLClient.PostAsync(client, Complete, new { id = started.GetProperty("createdTasks")[0].GetProperty("id").GetString(), data = claim }, "emma@example.com", "employee"), "completeTask");
        Data(await GraphQLClient.PostAsync(client, Complete, new { id = submitted.GetProperty("createdTasks")[0].GetProperty("id").GetString(), data = new { reviewComment = "ok" }, outcome = "approved" }, "max@example.com"), "completeTask");
        return id;
    }

    private static JsonElement Data(JsonElement result, string field)
    {
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        return result.GetProperty("data").GetProperty(field);
    }
}

public sealed class OperationsApiTestsOnSqlite(SqliteApiFactory factory) : OperationsApiTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class OperationsApiTestsOnPostgreSQL(PostgresApiFactory factory) : OperationsApiTests(factory), IClassFixture<PostgresApiFactory>;
