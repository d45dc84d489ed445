using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class DefinitionMutationTests
{
    private const string Payload = "definition { key version status etag name createdBy updatedBy } error { kind message } problems { path message code line column } warnings { path message code } conflict { currentEtag }";

    private const string SaveDraft = $$"""
        mutation($kind: DefinitionKind!, $key: ID!, $definition: JSON!, $etag: String) {
          saveDraft(kind: $kind, key: $key, definition: $definition, etag: $etag) { {{Payload}} }
        }
        """;

    private const string Publish = $$"""
        mutation($key: ID!, $etag: String) { publish(kind: FORM, key: $key, etag: $etag) { {{Payload}} } }
        """;

    private const string Retire = $$"""
        mutation($key: ID!, $version: Int!) { retire(kind: FORM, key: $key, version: $version) { {{Payload}} } }
        """;

    private const string DiscardDraft = $$"""
        mutation($key: ID!, $etag: String!) { discardDraft(kind: FORM, key: $key, etag: $etag) { {{Payload}} } }
        """;

    private readonly ApiFactory _factory;

    protected DefinitionMutationTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task SaveDraftPublishRetire_HappyPath_RecordsTheUserFromTheHeader()
    {
        using var client = _factory.CreateClient();

        var draft = Ok(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "happy", definition = Form("happy") }, Caller.Designer("ada")), "saveDraft");
        var published = Ok(await GraphQLClient.PostAsync(client, Publish, new { key = "happy", etag = draft.GetProperty("etag").GetString() }, Caller.Designer("bob")), "publish");
        var retired = Ok(await GraphQLClient.PostAsync(client, Retire, new { key = "happy", version = 1 }, Caller.Designer("cy")), "retire");

        Assert.Equal((0, "DRAFT", "ada", "ada"), (draft.GetProperty("version").GetInt32(), draft.GetProperty("status").GetString(), draft.GetProperty("createdBy").GetString(), draft.GetProperty("updatedBy").GetString()));
        Assert.Equal((1, "PUBLISHED", "bob"), (published.GetProperty("version").GetInt32(), published.GetProperty("status").GetString(), published.GetProperty("updatedBy").GetString()));
        Assert.Equal((1, "RETIRED", "cy"), (retired.GetProperty("version").GetInt32(), retired.GetProperty("status").GetString(), retired.GetProperty("updatedBy").GetString()));
    }

    [Fact]
    public async Task SaveDraft_IsRecordedAsTheKeysPrincipal_NeverAsTheOldUserHeader()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = SaveDraft, variables = new { kind = "FORM", key = "header", definition = Form("header") } }),
        };
        await GraphQLClient.SignAsync(client, request, Caller.Designer("ada@example.com"));
        request.Headers.Add("X-LowCode-User", "mallory@example.com");

        using var response = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var draft = Ok(body.RootElement.Clone(), "saveDraft");
        Assert.Equal("ada@example.com", draft.GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task SaveDraft_ReplacingWithTheCurrentEtag_UpdatesTheDraftAndItsEtag()
    {
        using var client = _factory.CreateClient();
        var first = Ok(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "replace", definition = Form("replace") }), "saveDraft");

        var second = Ok(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "replace", definition = Form("replace", "Second"), etag = first.GetProperty("etag").GetString() }), "saveDraft");

        Assert.Equal("Second", second.GetProperty("name").GetString());
        Assert.NotEqual(first.GetProperty("etag").GetString(), second.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task SaveDraft_WithTheDefinitionAsAJsonString_IsReadStrictly()
    {
        using var client = _factory.CreateClient();

        var draft = Ok(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "as-text", definition = JsonSerializer.Serialize(Form("as-text")) }), "saveDraft");

        Assert.Equal("as-text", draft.GetProperty("key").GetString());
    }

    [Fact]
    public async Task SaveDraft_WithAnInvalidDefinition_ListsEveryProblemByPathAndSavesNothing()
    {
        using var client = _factory.CreateClient();
        var definition = new
        {
            key = "invalid",
            name = string.Empty,
            fields = new object[] { new { key = "a", type = "txt" }, new { key = "a", type = "text" } },
        };

        var payload = Failed(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "invalid", definition }), "saveDraft", "INVALID");

        var problems = payload.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("path").GetString(), p.GetProperty("code").GetString())).ToList();
        Assert.Equal([("$.fields[0].type", "field.unknownType"), ("$.fields[1].key", "field.duplicateKey"), ("$.name", "name.missing")], problems);
        Assert.All(payload.GetProperty("problems").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString())));
        Assert.Contains("3 problems", payload.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("conflict").ValueKind);
        await AssertNoDraftAsync(client, "invalid");
    }

    [Fact]
    public async Task SaveDraft_WithMalformedJsonText_GivesLineAndColumn()
    {
        using var client = _factory.CreateClient();
        const string text = "{\n  \"key\": \"broken\",\n  \"name\": \"Broken\"\n  \"fields\": []\n}";

        var payload = Failed(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "broken", definition = text }), "saveDraft", "INVALID");

        var problem = Assert.Single(payload.GetProperty("problems").EnumerateArray());
        Assert.Equal(("$", "json.syntax"), (problem.GetProperty("path").GetString(), problem.GetProperty("code").GetString()));
        Assert.Equal(4, problem.GetProperty("line").GetInt32());
        Assert.Equal(3, problem.GetProperty("column").GetInt32());
        await AssertNoDraftAsync(client, "broken");
    }

    [Fact]
    public async Task SaveDraft_OfTheSeedRuleSetWithATypoedConditionPath_IsRefusedWithDidYouMean()
    {
        using var client = _factory.CreateClient();
        var definition = new
        {
            key = "expense-routing",
            name = "Expense routing",
            rules = new[]
            {
                new
                {
                    name = "large-claims-go-to-finance",
                    steps = new[] { "managerApproval" },
                    when = new[] { new { path = "totl", op = ">", value = 1000 } },
                    then = new[] { new { type = "goTo", step = "financeReview" } },
                },
            },
        };

        var payload = Failed(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "RULE_SET", key = "expense-routing", definition }), "saveDraft", "INVALID");

        var problem = Assert.Single(payload.GetProperty("problems").EnumerateArray());
        Assert.Equal(("$.rules[0].when[0].path", "condition.unknownPath"), (problem.GetProperty("path").GetString(), problem.GetProperty("code").GetString()));
        Assert.Contains("'totl' is not a field of the instance data", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("Did you mean 'total'?", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveDraft_WithAMisspeltPropertyInText_GivesItsPathLineAndColumn()
    {
        using var client = _factory.CreateClient();
        const string text = "{\n  \"key\": \"misspelt\",\n  \"name\": \"Misspelt\",\n  \"fields\": [ { \"key\": \"a\", \"type\": \"text\", \"visiblewhen\": \"true\" } ]\n}";

        var payload = Failed(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "misspelt", definition = text }), "saveDraft", "INVALID");

        var problem = Assert.Single(payload.GetProperty("problems").EnumerateArray());
        Assert.Equal(("$.fields[0].visiblewhen", "json.unknownProperty", 4), (problem.GetProperty("path").GetString(), problem.GetProperty("code").GetString(), problem.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task SaveDraft_WithAMisspeltPropertyInAnObject_GivesItsPathWithoutPositions()
    {
        using var client = _factory.CreateClient();
        var definition = new { key = "misspelt-object", name = "Misspelt", fields = new[] { new { key = "a", type = "text", visiblewhen = "true" } } };

        var payload = Failed(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "misspelt-object", definition }), "saveDraft", "INVALID");

        var problem = Assert.Single(payload.GetProperty("problems").EnumerateArray());
        Assert.Equal("$.fields[0].visiblewhen", problem.GetProperty("path").GetString());
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("line").ValueKind);
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("column").ValueKind);
    }

    [Fact]
    public async Task SaveDraft_WithAKeyOtherThanTheDefinitions_IsAProblemAtTheKey()
    {
        using var client = _factory.CreateClient();

        var payload = Failed(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "one", definition = Form("other") }), "saveDraft", "INVALID");

        var problem = Assert.Single(payload.GetProperty("problems").EnumerateArray());
        Assert.Equal(("$.key", "definition.keyMismatch"), (problem.GetProperty("path").GetString(), problem.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task SaveDraft_WithAStaleEtag_IsAConflictWithTheCurrentEtagAndKeepsTheNewerDraft()
    {
        using var client = _factory.CreateClient();
        var first = Ok(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "stale", definition = Form("stale") }, Caller.Designer("ada")), "saveDraft");
        var second = Ok(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "stale", definition = Form("stale", "Newer"), etag = first.GetProperty("etag").GetString() }, Caller.Designer("bob")), "saveDraft");

        var payload = Failed(
            await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "stale", definition = Form("stale", "From a stale tab"), etag = first.GetProperty("etag").GetString() }, Caller.Designer("ada")),
            "saveDraft",
            "CONFLICT");

        Assert.Equal(second.GetProperty("etag").GetString(), payload.GetProperty("conflict").GetProperty("currentEtag").GetString());
        Assert.Contains("bob", payload.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(payload.GetProperty("problems").EnumerateArray());
        var stored = await GraphQLClient.PostAsync(client, "{ form(key: \"stale\", version: 0) { name } }");
        Assert.Equal("Newer", stored.GetProperty("data").GetProperty("form").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Publish_WithAStaleEtag_IsAConflictAndPublishesNothing()
    {
        using var client = _factory.CreateClient();
        var draft = Ok(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "stale-publish", definition = Form("stale-publish") }), "saveDraft");

        var payload = Failed(await GraphQLClient.PostAsync(client, Publish, new { key = "stale-publish", etag = "not-the-etag" }), "publish", "CONFLICT");

        Assert.Equal(draft.GetProperty("etag").GetString(), payload.GetProperty("conflict").GetProperty("currentEtag").GetString());
        var history = await GraphQLClient.PostAsync(client, "{ definitionHistory(kind: FORM, key: \"stale-publish\") { version } }");
        Assert.Equal([0], history.GetProperty("data").GetProperty("definitionHistory").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Publish_OfAnUnknownKey_IsNotFound()
    {
        using var client = _factory.CreateClient();

        var payload = Failed(await GraphQLClient.PostAsync(client, Publish, new { key = "no-such-form" }), "publish", "NOT_FOUND");

        Assert.Contains("no-such-form", payload.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("conflict").ValueKind);
    }

    [Fact]
    public async Task Retire_OfAnUnknownVersion_IsNotFound_AndTwiceIsAConflict()
    {
        using var client = _factory.CreateClient();
        Ok(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "retire-twice", definition = Form("retire-twice") }), "saveDraft");
        Ok(await GraphQLClient.PostAsync(client, Publish, new { key = "retire-twice" }), "publish");

        Failed(await GraphQLClient.PostAsync(client, Retire, new { key = "retire-twice", version = 7 }), "retire", "NOT_FOUND");
        Ok(await GraphQLClient.PostAsync(client, Retire, new { key = "retire-twice", version = 1 }), "retire");
        var again = Failed(await GraphQLClient.PostAsync(client, Retire, new { key = "retire-twice", version = 1 }), "retire", "CONFLICT");

        Assert.Contains("already retired", again.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, again.GetProperty("conflict").GetProperty("currentEtag").ValueKind);
    }

    [Fact]
    public async Task DiscardDraft_WithAStaleEtag_IsAConflict_AndWithTheCurrentOneRemovesTheDraft()
    {
        using var client = _factory.CreateClient();
        var draft = Ok(await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "FORM", key = "discard", definition = Form("discard") }), "saveDraft");

        Failed(await GraphQLClient.PostAsync(client, DiscardDraft, new { key = "discard", etag = "old" }), "discardDraft", "CONFLICT");
        var discarded = Ok(await GraphQLClient.PostAsync(client, DiscardDraft, new { key = "discard", etag = draft.GetProperty("etag").GetString() }), "discardDraft");

        Assert.Equal("discard", discarded.GetProperty("key").GetString());
        await AssertNoDraftAsync(client, "discard");
        Failed(await GraphQLClient.PostAsync(client, DiscardDraft, new { key = "discard", etag = draft.GetProperty("etag").GetString() }), "discardDraft", "NOT_FOUND");
    }

    [Fact]
    public async Task SaveDraft_WithMalformedJsonInTheDocument_IsASyntaxErrorWithItsLocation()
    {
        using var client = _factory.CreateClient();

        var result = await GraphQLClient.PostAsync(client, "mutation {\n  saveDraft(kind: FORM, key: \"x\", definition: {key: }) { problems { path } }\n}");

        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal("GRAPHQL_PARSE_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(2, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.False(result.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task AProcessWhoseParallelBranchesWriteTheSameKey_SavesAndPublishesWithAWarning()
    {
        using var client = _factory.CreateClient();
        const string publishProcess = $$"""
            mutation($key: ID!) { publish(kind: PROCESS, key: $key) { {{Payload}} } }
            """;
        var process = new
        {
            key = "parallel-writes",
            name = "Parallel writes",
            steps = new object[]
            {
                new { key = "split", type = "parallelSplit", branches = new[] { "left", "right" } },
                new { key = "left", type = "script", set = new[] { new { path = "total", expression = "1" } }, next = "join" },
                new { key = "right", type = "script", set = new[] { new { path = "total.net", expression = "2" } }, next = "join" },
                new { key = "join", type = "parallelJoin", next = "done" },
                new { key = "done", type = "end" },
            },
        };

        var saved = await GraphQLClient.PostAsync(client, SaveDraft, new { kind = "PROCESS", key = "parallel-writes", definition = process });
        var published = await GraphQLClient.PostAsync(client, publishProcess, new { key = "parallel-writes" });

        foreach (var (result, field, status) in new[] { (saved, "saveDraft", "DRAFT"), (published, "publish", "PUBLISHED") })
        {
            Assert.Equal(status, Ok(result, field).GetProperty("status").GetString());
            var warning = Assert.Single(result.GetProperty("data").GetProperty(field).GetProperty("warnings").EnumerateArray());
            Assert.Equal(("$.steps[0].branches[1]", "process.parallelWriteConflict"), (warning.GetProperty("path").GetString(), warning.GetProperty("code").GetString()));
            Assert.Contains("'left' and 'right'", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("'total'", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    private static object Form(string key, string name = "Leave request") => new
    {
        key,
        name,
        fields = new[] { new { key = "days", type = "integer", label = "Days", required = true, min = 1, max = 30 } },
    };

    private static JsonElement Ok(JsonElement result, string field)
    {
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        var payload = result.GetProperty("data").GetProperty(field);
        Assert.True(payload.GetProperty("error").ValueKind == JsonValueKind.Null, payload.ToString());
        Assert.Empty(payload.GetProperty("problems").EnumerateArray());
        return payload.GetProperty("definition");
    }

    private static JsonElement Failed(JsonElement result, string field, string kind)
    {
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        var payload = result.GetProperty("data").GetProperty(field);
        Assert.Equal(kind, payload.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("definition").ValueKind);
        return payload;
    }

    private static async Task AssertNoDraftAsync(HttpClient client, string key)
    {
        var result = await GraphQLClient.PostAsync(client, "query($key: ID!) { form(key: $key, version: 0) { key } }", new { key });
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("form").ValueKind);
    }
}

public sealed class DefinitionMutationTestsOnSqlite(SqliteApiFactory factory) : DefinitionMutationTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class DefinitionMutationTestsOnPostgreSQL(PostgresApiFactory factory) : DefinitionMutationTests(factory), IClassFixture<PostgresApiFactory>;
