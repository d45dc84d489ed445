using System.Net;
using System.Text.Json;
using LowCode.Api.GraphQL;
using LowCode.Tests.Snapshots;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class ProductSchemaTests
{
    private readonly ApiFactory _factory;

    protected ProductSchemaTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public void Schema_MatchesTheApprovedSdl()
    {
        var sdl = DefinitionsSchema.Build().Print();

        // One snapshot name for both providers' runs.
        ApprovedSnapshot.Match(sdl, "ProductSchemaTests.Schema_MatchesTheApprovedSdl.snap");
    }

    [Fact]
    public async Task Forms_ListsEverySeedFormOnceWithItsMetadata()
    {
        using var client = _factory.CreateClient();

        var result = await GraphQLClient.PostAsync(client, "{ forms { key version status name updatedAt fields { key type } } }");

        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        var forms = result.GetProperty("data").GetProperty("forms").EnumerateArray().ToList();
        var keys = forms.Select(f => f.GetProperty("key").GetString()).ToList();
        Assert.Contains("expense-claim", keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var claim = forms.Single(f => f.GetProperty("key").GetString() == "expense-claim");
        Assert.Equal(1, claim.GetProperty("version").GetInt32());
        Assert.Equal("PUBLISHED", claim.GetProperty("status").GetString());
        Assert.True(DateTimeOffset.TryParse(claim.GetProperty("updatedAt").GetString(), out _));
        Assert.NotEmpty(claim.GetProperty("fields").EnumerateArray());
    }

    [Fact]
    public async Task Process_ByKey_ReturnsStepsAndTheBodyAsJson()
    {
        using var client = _factory.CreateClient();

        var result = await GraphQLClient.PostAsync(
            client,
            "query($key: ID!) { process(key: $key) { key ruleSet start steps { key type transitions assignee { role externalEmail } } body } }",
            new { key = "customer-onboarding" });

        var process = result.GetProperty("data").GetProperty("process");
        Assert.Equal("customer-onboarding", process.GetProperty("key").GetString());
        Assert.NotEmpty(process.GetProperty("steps").EnumerateArray());
        Assert.Contains(process.GetProperty("steps").EnumerateArray(), s => s.GetProperty("assignee").ValueKind == JsonValueKind.Object
            && s.GetProperty("assignee").GetProperty("externalEmail").ValueKind == JsonValueKind.String);
        Assert.Equal("customer-onboarding", process.GetProperty("body").GetProperty("key").GetString());
    }

    [Fact]
    public async Task RuleSets_ExposeRulesWithConditionsAndActionsAsJson()
    {
        using var client = _factory.CreateClient();

        var result = await GraphQLClient.PostAsync(client, "{ ruleSets { key rules { name salience on when then } } }");

        var rules = result.GetProperty("data").GetProperty("ruleSets").EnumerateArray().SelectMany(r => r.GetProperty("rules").EnumerateArray()).ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, r => Assert.Equal(JsonValueKind.Array, r.GetProperty("then").ValueKind));
    }

    [Fact]
    public async Task DefinitionHistory_ResolvesTheConcreteType()
    {
        using var client = _factory.CreateClient();

        var result = await GraphQLClient.PostAsync(client, "{ definitionHistory(kind: RULE_SET, key: \"expense-routing\") { __typename kind version } }");

        var entry = Assert.Single(result.GetProperty("data").GetProperty("definitionHistory").EnumerateArray());
        Assert.Equal("RuleSet", entry.GetProperty("__typename").GetString());
        Assert.Equal("RULE_SET", entry.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task UnknownKey_IsNullNotAnError()
    {
        using var client = _factory.CreateClient();

        var result = await GraphQLClient.PostAsync(client, "{ form(key: \"no-such-form\") { key } }");

        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("form").ValueKind);
        Assert.False(result.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task InvalidQuery_GetsASpecShapedErrorWithLocation()
    {
        using var client = _factory.CreateClient();

        var result = await GraphQLClient.PostAsync(client, "{ forms { nope } }");

        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Contains("nope", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.False(result.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task BrowserVisit_GetsGraphiQL()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/graphql", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("graphiql", (await response.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);
    }
}

public sealed class ProductSchemaTestsOnSqlite(SqliteApiFactory factory) : ProductSchemaTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class ProductSchemaTestsOnPostgreSQL(PostgresApiFactory factory) : ProductSchemaTests(factory), IClassFixture<PostgresApiFactory>;
