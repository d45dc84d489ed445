using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>
/// Live rule publish behind a dry run, rollback and diff, over GraphQL on the seeded expense app. Tests share one Api
/// per class and change its rule set, so each reads the versions it needs instead of assuming them. Runs on SQLite and
/// on PostgreSQL through the subclasses at the end of the file.
/// </summary>
public abstract class LiveRuleApiTests
{
    private const string Key = "expense-routing";

    private const string Payload = "definition { version status body } error { kind message } problems { path code message } conflict { currentEtag }";

    private const string DryRun = """
        query($version: Int, $ruleSet: JSON) {
          dryRunRuleSet(processKey: "expense-approval", ruleSetKey: "expense-routing", version: $version, ruleSet: $ruleSet) { dryRunId ruleSetVersion replayed changed problems { code } }
        }
        """;

    private const string Publish = $$"""
        mutation($dryRunId: ID!) { publishRuleSet(key: "expense-routing", dryRunId: $dryRunId) { {{Payload}} } }
        """;

    private const string Rollback = $$"""
        mutation($toVersion: Int!, $dryRunId: ID!) { rollbackRuleSet(key: "expense-routing", toVersion: $toVersion, dryRunId: $dryRunId) { {{Payload}} } }
        """;

    private const string Complete = """
        mutation($id: ID!, $data: JSON, $outcome: String) { completeTask(id: $id, data: $data, outcome: $outcome) { instance { id positions } createdTasks { id stepKey } error { message } } }
        """;

    private static readonly Caller Admin = Caller.Admin("ada@example.com");

    private readonly ApiFactory _factory;

    protected LiveRuleApiTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task PublishRuleSet_AsADesigner_IsForbidden()
    {
        using var client = _factory.CreateClient();

        var result = await GraphQLClient.PostAsync(client, Publish, new { dryRunId = "any" }, Caller.Designer("dora@example.com"));

        Assert.Equal("FORBIDDEN", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task PublishRuleSet_WithoutADryRun_IsRefusedAndNothingIsPublished()
    {
        using var client = _factory.CreateClient();
        await SaveDraftAsync(client, Lowered());
        var before = await LatestVersionAsync(client);

        var empty = Field(await GraphQLClient.PostAsync(client, Publish, new { dryRunId = string.Empty }, Admin), "publishRuleSet");
        var unknown = Field(await GraphQLClient.PostAsync(client, Publish, new { dryRunId = "no-such-dry-run" }, Admin), "publishRuleSet");

        foreach (var refused in new[] { empty, unknown })
        {
            Assert.Equal(JsonValueKind.Null, refused.GetProperty("definition").ValueKind);
            Assert.Equal("INVALID", refused.GetProperty("error").GetProperty("kind").GetString());
            Assert.Equal(("dryRunId", "DRY_RUN_REQUIRED"), (refused.GetProperty("problems")[0].GetProperty("path").GetString(), refused.GetProperty("problems")[0].GetProperty("code").GetString()));
        }

        Assert.Contains("dryRunRuleSet", unknown.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await LatestVersionAsync(client));
    }

    [Fact]
    public async Task PublishRuleSet_WithADryRunOfAnEarlierDraft_IsRefusedAsStale()
    {
        using var client = _factory.CreateClient();
        await SaveDraftAsync(client, Lowered());
        var dryRun = await DryRunAsync(client);
        var current = await SaveDraftAsync(client, Lowered(25));
        var before = await LatestVersionAsync(client);

        var refused = Field(await GraphQLClient.PostAsync(client, Publish, new { dryRunId = dryRun }, Admin), "publishRuleSet");

        Assert.Equal("CONFLICT", refused.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("DRY_RUN_STALE", refused.GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Equal(current, refused.GetProperty("conflict").GetProperty("currentEtag").GetString());
        Assert.Equal(before, await LatestVersionAsync(client));
    }

    [Fact]
    public async Task DryRun_OfUnsavedText_HasNoDryRunId_AndADryRunOfAVersionCannotPublishTheDraft()
    {
        using var client = _factory.CreateClient();
        await SaveDraftAsync(client, Lowered());

        var unsaved = Field(await GraphQLClient.PostAsync(client, DryRun, new { ruleSet = Lowered(20) }, Caller.Designer("dora@example.com")), "dryRunRuleSet");
        var ofVersion = Field(await GraphQLClient.PostAsync(client, DryRun, new { version = 1 }, Caller.Designer("dora@example.com")), "dryRunRuleSet");
        var refused = Field(await GraphQLClient.PostAsync(client, Publish, new { dryRunId = ofVersion.GetProperty("dryRunId").GetString() }, Admin), "publishRuleSet");

        Assert.Equal(JsonValueKind.Null, unsaved.GetProperty("dryRunId").ValueKind);
        Assert.Equal(1, ofVersion.GetProperty("ruleSetVersion").GetInt32());
        Assert.Equal("DRY_RUN_MISMATCH", refused.GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Contains("rollbackRuleSet", refused.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenericPublish_OfARuleSet_IsRefusedPointingToPublishRuleSet()
    {
        using var client = _factory.CreateClient();
        await SaveDraftAsync(client, Lowered());
        var before = await LatestVersionAsync(client);

        var refused = Field(await GraphQLClient.PostAsync(client, $$"""mutation { publish(kind: RULE_SET, key: "expense-routing") { {{Payload}} } }""", caller: Admin), "publish");

        Assert.Equal("INVALID", refused.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("LIVE_PUBLISH_REQUIRED", refused.GetProperty("problems")[0].GetProperty("code").GetString());
        var message = refused.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("dryRunRuleSet", message, StringComparison.Ordinal);
        Assert.Contains("publishRuleSet", message, StringComparison.Ordinal);
        Assert.Equal(before, await LatestVersionAsync(client));
    }

    [Fact]
    public async Task ALivePublishOnOneNode_ChangesTheNextRoutingOfARunningInstanceOnAnother_AndIsAudited()
    {
        using var nodeB = new ApiFactory(_factory);
        using var clientA = _factory.CreateClient();
        using var clientB = nodeB.CreateClient();
        var (instanceId, approvalTaskId) = await ClaimAwaitingApprovalAsync(clientA);

        // The admin on node B lowers the finance threshold below the running claim's total, dry-runs it and publishes.
        await SaveDraftAsync(clientB, Lowered());
        var dryRun = Field(await GraphQLClient.PostAsync(clientB, DryRun, null, Admin), "dryRunRuleSet");
        var published = Field(await GraphQLClient.PostAsync(clientB, Publish, new { dryRunId = dryRun.GetProperty("dryRunId").GetString() }, Admin), "publishRuleSet");
        Assert.Equal(JsonValueKind.Null, published.GetProperty("error").ValueKind);
        var version = published.GetProperty("definition").GetProperty("version").GetInt32();

        // The next decision of the instance, made on node A, routes with the new version.
        var approved = Field(await GraphQLClient.PostAsync(clientA, Complete, new { id = approvalTaskId, data = new { reviewComment = "ok" }, outcome = "approved" }, Caller.User("max@example.com")), "completeTask");
        Assert.Equal("financeReview", approved.GetProperty("instance").GetProperty("positions")[0].GetString());
        var read = await GraphQLClient.PostAsync(clientA, "query($id: ID!) { instance(id: $id) { decisions { step target ruleSetVersion firedRules } } }", new { id = instanceId }, Admin);
        var decision = read.GetProperty("data").GetProperty("instance").GetProperty("decisions").EnumerateArray().Last();
        Assert.Equal(("managerApproval", "financeReview", version), (decision.GetProperty("step").GetString(), decision.GetProperty("target").GetString(), decision.GetProperty("ruleSetVersion").GetInt32()));
        Assert.Contains("large-claims-go-to-finance", decision.GetProperty("firedRules").EnumerateArray().Select(r => r.GetString()));

        // Who published and the summary they saw stay with the version.
        var publication = (await GraphQLClient.PostAsync(clientA, "query($v: Int) { ruleSet(key: \"expense-routing\", version: $v) { publication { dryRunId publishedBy dryRunBy candidateVersion replayed changed } } }", new { v = version }, Admin))
            .GetProperty("data").GetProperty("ruleSet").GetProperty("publication");
        Assert.Equal(
            (dryRun.GetProperty("dryRunId").GetString(), "ada@example.com", "ada@example.com", 0, dryRun.GetProperty("replayed").GetInt32(), dryRun.GetProperty("changed").GetInt32()),
            (publication.GetProperty("dryRunId").GetString(), publication.GetProperty("publishedBy").GetString(), publication.GetProperty("dryRunBy").GetString(), publication.GetProperty("candidateVersion").GetInt32(), publication.GetProperty("replayed").GetInt32(), publication.GetProperty("changed").GetInt32()));

        // The dry run was used once; publishing with it again is stale.
        await SaveDraftAsync(clientB, Lowered(20));
        var again = Field(await GraphQLClient.PostAsync(clientB, Publish, new { dryRunId = dryRun.GetProperty("dryRunId").GetString() }, Admin), "publishRuleSet");
        Assert.Equal("DRY_RUN_STALE", again.GetProperty("problems")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task RollbackRuleSet_BehindADryRunOfThatVersion_PublishesItsContentAsTheNextVersion()
    {
        using var client = _factory.CreateClient();
        await SaveDraftAsync(client, Lowered());
        var lowered = await PublishLiveAsync(client);
        var ofDraft = await DryRunAsync(client, Lowered(25));

        var wrong = Field(await GraphQLClient.PostAsync(client, Rollback, new { toVersion = 1, dryRunId = ofDraft }, Admin), "rollbackRuleSet");
        var ofOne = Field(await GraphQLClient.PostAsync(client, DryRun, new { version = 1 }, Admin), "dryRunRuleSet").GetProperty("dryRunId").GetString();
        var rolledBack = Field(await GraphQLClient.PostAsync(client, Rollback, new { toVersion = 1, dryRunId = ofOne }, Admin), "rollbackRuleSet");

        Assert.Equal("DRY_RUN_MISMATCH", wrong.GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, rolledBack.GetProperty("error").ValueKind);
        var version = rolledBack.GetProperty("definition").GetProperty("version").GetInt32();
        Assert.Equal(lowered + 1, version);
        var diff = await DiffAsync(client, 1, version);
        Assert.Equal(0, diff.GetProperty("changes").GetArrayLength());
        Assert.Equal(version, await LatestVersionAsync(client));
        var draft = await GraphQLClient.PostAsync(client, "{ ruleSet(key: \"expense-routing\", version: 0) { version } }", caller: Admin);
        Assert.Equal(0, draft.GetProperty("data").GetProperty("ruleSet").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task DiffDefinitions_FromAVersionToTheDraft_NamesEachChangeByJsonPath_MatchingRulesByName()
    {
        using var client = _factory.CreateClient();
        var routing = JsonDocument.Parse(Seed()).RootElement;
        var rules = routing.GetProperty("rules").EnumerateArray().ToList();
        var changed = new Dictionary<string, object?>
        {
            ["$schema"] = routing.GetProperty("$schema").GetString(),
            ["key"] = Key,
            ["name"] = routing.GetProperty("name").GetString(),
            ["description"] = "Lowered threshold.",

            // The first rule is removed; the second keeps its name but has a lower threshold, now at index 0.
            ["rules"] = rules.Skip(1).Select((r, i) => i == 0 ? (object)JsonSerializer.Deserialize<JsonElement>(r.GetRawText().Replace("1000", "30", StringComparison.Ordinal)) : r).ToList(),
        };
        await SaveDraftAsync(client, JsonSerializer.Serialize(changed));

        var diff = await DiffAsync(client, 1, null);

        Assert.Equal(0, diff.GetProperty("problems").GetArrayLength());
        Assert.Equal((1, 0), (diff.GetProperty("from").GetInt32(), diff.GetProperty("to").GetInt32()));
        var entries = diff.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("path").GetString(), c.GetProperty("change").GetString())).ToList();
        Assert.Contains(("$.description", "CHANGED"), entries);
        Assert.Contains(("$.rules[0]", "REMOVED"), entries);
        Assert.Contains(("$.rules[0].when[1].value", "CHANGED"), entries);
        Assert.True(entries.Count == 3, string.Join(", ", entries));
        var threshold = diff.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("path").GetString() == "$.rules[0].when[1].value");
        Assert.Equal((1000, 30), (threshold.GetProperty("before").GetInt32(), threshold.GetProperty("after").GetInt32()));

        var missing = await DiffAsync(client, 999, null);
        Assert.Equal(("from", "diff.versionNotFound"), (missing.GetProperty("problems")[0].GetProperty("path").GetString(), missing.GetProperty("problems")[0].GetProperty("code").GetString()));
    }

    private static string Seed() => File.ReadAllText(Path.Combine(NodeScript.RepositoryRoot, "seed", "expense-approval", "expense-routing.ruleset.json"));

    /// <summary>The seed rule set with the finance threshold at <paramref name="threshold"/> instead of 1,000.</summary>
    private static string Lowered(int threshold = 30) => Seed().Replace("\"value\": 1000", $"\"value\": {threshold}", StringComparison.Ordinal);

    /// <summary>Saves the draft over whatever draft is there; returns its etag.</summary>
    private static async Task<string> SaveDraftAsync(HttpClient client, string definition)
    {
        var current = await GraphQLClient.PostAsync(client, "{ ruleSet(key: \"expense-routing\", version: 0) { etag } }", caller: Admin);
        var draft = current.GetProperty("data").GetProperty("ruleSet");
        var etag = draft.ValueKind == JsonValueKind.Null ? null : draft.GetProperty("etag").GetString();
        var saved = Field(await GraphQLClient.PostAsync(
            client,
            "mutation($definition: JSON!, $etag: String) { saveDraft(kind: RULE_SET, key: \"expense-routing\", definition: $definition, etag: $etag) { definition { etag } error { message } } }",
            new { definition, etag },
            Caller.Designer("dora@example.com")), "saveDraft");
        Assert.True(saved.GetProperty("error").ValueKind == JsonValueKind.Null, saved.ToString());
        return saved.GetProperty("definition").GetProperty("etag").GetString()!;
    }

    private static async Task<string> DryRunAsync(HttpClient client, string? saveFirst = null)
    {
        if (saveFirst is not null)
        {
            await SaveDraftAsync(client, saveFirst);
        }

        var report = Field(await GraphQLClient.PostAsync(client, DryRun, null, Caller.Designer("dora@example.com")), "dryRunRuleSet");
        Assert.Equal(0, report.GetProperty("problems").GetArrayLength());
        return report.GetProperty("dryRunId").GetString()!;
    }

    private static async Task<int> PublishLiveAsync(HttpClient client)
    {
        var published = Field(await GraphQLClient.PostAsync(client, Publish, new { dryRunId = await DryRunAsync(client) }, Admin), "publishRuleSet");
        Assert.True(published.GetProperty("error").ValueKind == JsonValueKind.Null, published.ToString());
        return published.GetProperty("definition").GetProperty("version").GetInt32();
    }

    private static async Task<int> LatestVersionAsync(HttpClient client) =>
        (await GraphQLClient.PostAsync(client, "{ ruleSet(key: \"expense-routing\") { version } }", caller: Admin)).GetProperty("data").GetProperty("ruleSet").GetProperty("version").GetInt32();

    private static async Task<JsonElement> DiffAsync(HttpClient client, int from, int? to) => Field(await GraphQLClient.PostAsync(
        client,
        "query($from: Int!, $to: Int) { diffDefinitions(kind: RULE_SET, key: \"expense-routing\", from: $from, to: $to) { kind key from to changes { path change before after } problems { path code message } } }",
        new { from, to },
        Caller.Analyst("ana@example.com")), "diffDefinitions");

    /// <summary>A claim of 40 submitted and waiting for its manager's approval: the instance and the approval task.</summary>
    private static async Task<(string InstanceId, string TaskId)> ClaimAwaitingApprovalAsync(HttpClient client)
    {
        var employee = Caller.User("emma@example.com", "employee");
        var started = Field(await GraphQLClient.PostAsync(client, "mutation { startProcess(key: \"expense-approval\") { instance { id } createdTasks { id } error { message } } }", caller: employee), "startProcess");
        var claim = new
        {
            employee = new { employeeName = "Emma Example", employeeEmail = "emma@example.com", managerEmail = "max@example.com", department = "sales", costCenter = "CC-1234" },
            currency = "EUR",
            lines = new[] { new { date = "2026-02-20", category = "meals", description = "Customer dinner", amount = 40 } },
        };
        var submitted = Field(await GraphQLClient.PostAsync(client, Complete, new { id = started.GetProperty("createdTasks")[0].GetProperty("id").GetString(), data = claim }, employee), "completeTask");
        var approval = submitted.GetProperty("createdTasks")[0];
        Assert.Equal("managerApproval", approval.GetProperty("stepKey").GetString());
        return (started.GetProperty("instance").GetProperty("id").GetString()!, approval.GetProperty("id").GetString()!);
    }

    private static JsonElement Field(JsonElement result, string field)
    {
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        return result.GetProperty("data").GetProperty(field);
    }
}

public sealed class LiveRuleApiTestsOnSqlite(SqliteApiFactory factory) : LiveRuleApiTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class LiveRuleApiTestsOnPostgreSQL(PostgresApiFactory factory) : LiveRuleApiTests(factory), IClassFixture<PostgresApiFactory>;
