using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LowCode.Api.Tests.GraphQL;
using LowCode.Engine.Storage;
using LowCode.Engine.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Api.Tests.Hosting;

/// <summary>Probes, limits, metrics and the audit trail. Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class OperabilityTests(DatabaseProvider provider)
{
    [Fact]
    public async Task LiveAndReadyProbes_AnswerWithoutAKey()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ACallerOverItsRateLimit_Gets429WithRetryAfterAndARateLimitedError()
    {
        using var factory = new ApiFactory(provider, new Dictionary<string, string?>
        {
            ["LowCode:RateLimit:PermitsPerSecond"] = "2",
            ["LowCode:RateLimit:Burst"] = "2",
            ["LowCode:RateLimit:PeriodSeconds"] = "3600",
        });
        using var client = factory.CreateClient();
        var other = Caller.Designer("other@example.com");

        await GraphQLClient.PostAsync(client, "{ __typename }", Caller.Designer("busy@example.com"));
        await GraphQLClient.PostAsync(client, "{ __typename }", Caller.Designer("busy@example.com"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        await GraphQLClient.SignAsync(client, request, Caller.Designer("busy@example.com"));
        using var refused = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        var someoneElse = await GraphQLClient.PostAsync(client, "{ __typename }", other);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("RATE_LIMITED", body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("busy@example.com", body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("the limit is 2 per 3600 s on each Api node", body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var extensions = body.RootElement.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, extensions.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Equal((2, 3600, 2), (extensions.GetProperty("limit").GetInt32(), extensions.GetProperty("periodSeconds").GetInt32(), extensions.GetProperty("burst").GetInt32()));
        Assert.Equal("Query", someoneElse.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task ABodyOverTheConfiguredLimit_Is413()
    {
        using var factory = new ApiFactory(provider, new Dictionary<string, string?> { ["LowCode:Limits:MaxRequestBodyBytes"] = "2000" });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }", variables = new { padding = new string('x', 5000) } }) };
        await GraphQLClient.SignAsync(client, request, Caller.Default);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task StartingAndCompleting_RecordTheEngineMetrics_AndPublishingIsAuditedWithThePrincipal()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();
        long started = 0, decisions = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LowCodeMetrics.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "lowcode.instances.started")
            {
                Interlocked.Add(ref started, value);
            }
            else if (instrument.Name == "lowcode.routing.decisions")
            {
                Interlocked.Add(ref decisions, value);
            }
        });
        listener.Start();

        var emma = Caller.User("emma@example.com", "employee");
        var start = await GraphQLClient.PostAsync(client, "mutation { startProcess(key: \"expense-approval\") { error { message } createdTasks { id } } }", emma);
        var taskId = start.GetProperty("data").GetProperty("startProcess").GetProperty("createdTasks")[0].GetProperty("id").GetString();
        var claim = new
        {
            employee = new { employeeName = "Emma Example", employeeEmail = "emma@example.com", managerEmail = "max@example.com", department = "sales", costCenter = "CC-1234" },
            currency = "EUR",
            lines = new[] { new { date = "2026-02-20", category = "meals", description = "Customer dinner", amount = 40 } },
        };
        var completed = await GraphQLClient.PostAsync(client, "mutation($id: ID!, $data: JSON) { completeTask(id: $id, data: $data) { error { message } } }", new { id = taskId, data = claim }, emma);
        var publish = await GraphQLClient.PostAsync(
            client,
            "mutation { saveDraft(kind: FORM, key: \"audited\", definition: { key: \"audited\", name: \"A\", fields: [{ key: \"a\", type: \"text\" }] }) { error { message } } }",
            Caller.Designer("ada@example.com"));
        var published = await GraphQLClient.PostAsync(client, "mutation { publish(kind: FORM, key: \"audited\") { error { message } } }", Caller.Designer("ada@example.com"));

        Assert.Equal(JsonValueKind.Null, start.GetProperty("data").GetProperty("startProcess").GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, published.GetProperty("data").GetProperty("publish").GetProperty("error").ValueKind);
        Assert.True(Interlocked.Read(ref started) >= 1);
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("data").GetProperty("completeTask").GetProperty("error").ValueKind);
        Assert.True(Interlocked.Read(ref decisions) >= 1);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<LowCodeDbContext>>().CreateDbContextAsync();
        var audit = await db.Events.Where(e => e.Type == "definitionPublished" && e.Payload.Contains("audited")).SingleAsync();
        Assert.Equal("ada@example.com", audit.Actor);
        Assert.Equal(JsonValueKind.Null, publish.GetProperty("data").GetProperty("saveDraft").GetProperty("error").ValueKind);
    }
}

public sealed class OperabilityTestsOnSqlite() : OperabilityTests(DatabaseProvider.Sqlite);

public sealed class OperabilityTestsOnPostgreSQL() : OperabilityTests(DatabaseProvider.PostgreSQL);
