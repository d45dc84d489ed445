using System.Net;
using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>The runtime's boundaries over HTTP: signal, notifications, captured mails, the outbox, the resume URL.</summary>
public abstract class BoundariesApiTests
{
    private const string Signal = """
        mutation($name: String!, $id: ID, $businessKey: String) { signal(name: $name, instanceId: $id, businessKey: $businessKey) { instance { id status } error { kind message } } }
        """;

    private readonly ApiFactory _factory;

    protected BoundariesApiTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task ASignalNeedsASignalGroupAndAStepWaitingForIt()
    {
        using var client = _factory.CreateClient();
        var started = await GraphQLClient.PostAsync(client, "mutation { startProcess(key: \"expense-approval\") { instance { id } } }", null, "emma@example.com", "employee");
        var id = started.GetProperty("data").GetProperty("startProcess").GetProperty("instance").GetProperty("id").GetString();

        var stranger = await GraphQLClient.PostAsync(client, Signal, new { name = "crm-account-opened", id }, new Caller("emma@example.com", ["employee"], "user"));
        var integration = await GraphQLClient.PostAsync(client, Signal, new { name = "crm-account-opened", id }, new Caller("crm-bridge", ["integration"], "user"));
        var unknown = await GraphQLClient.PostAsync(client, Signal, new { name = "crm-account-opened", businessKey = "NO-SUCH-CASE" }, new Caller("crm-bridge", ["integration"], "user"));

        Assert.Equal("FORBIDDEN", Error(stranger).GetProperty("kind").GetString());
        var conflict = Error(integration);
        Assert.Equal("CONFLICT", conflict.GetProperty("kind").GetString());
        Assert.Contains("'submit'", conflict.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("NOT_FOUND", Error(unknown).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task NotificationsCapturedMailsAndTheOutboxAreListed()
    {
        using var client = _factory.CreateClient();

        var response = await GraphQLClient.PostAsync(
            client,
            "{ notifications { id message createdAt } capturedMails { to subject } outbox(status: \"failed\") { id kind lastError } }",
            null,
            "lena@example.com",
            "finance-lead");

        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        var data = response.GetProperty("data");
        Assert.Equal(JsonValueKind.Array, data.GetProperty("notifications").ValueKind);
        Assert.Equal(JsonValueKind.Array, data.GetProperty("capturedMails").ValueKind);
        Assert.Equal(JsonValueKind.Array, data.GetProperty("outbox").ValueKind);
    }

    [Fact]
    public async Task AnUnknownResumeUrlIsNotFound()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/signals/not-a-token", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not known", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonElement Error(JsonElement response)
    {
        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        return response.GetProperty("data").GetProperty("signal").GetProperty("error");
    }
}

public sealed class BoundariesApiTestsOnSqlite(SqliteApiFactory factory) : BoundariesApiTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class BoundariesApiTestsOnPostgreSQL(PostgresApiFactory factory) : BoundariesApiTests(factory), IClassFixture<PostgresApiFactory>;
