using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>The analytics queries and the export endpoint over HTTP, on SQLite and PostgreSQL (subclasses at the end).</summary>
public abstract class AnalyticsApiTests(ApiFactory factory)
{
    private const string Metrics = """
        query($p: String!, $from: DateTime!, $to: DateTime!) {
          processMetrics(process: $p, from: $from, to: $to) {
            metrics { process started completed workInProgress cycleTime { count p50Ms } throughputPerDay { start completed }
                      steps { stepKey tasksCreated tasksCompleted waiting { count } } variants { steps instances } }
            error { code message }
          }
        }
        """;

    private const string Conformance = """
        query($p: String!, $from: DateTime!, $to: DateTime!) {
          processConformance(process: $p, from: $from, to: $to) {
            report { instances fittingInstances fitness baselineRuleSetVersion edges { from to count designed drivers { source rule ruleSetVersion count } } deadPaths { from to kind } }
            error { code message }
          }
        }
        """;

    private static readonly string From = DateTimeOffset.UtcNow.AddDays(-1).ToString("O", CultureInfo.InvariantCulture);
    private static readonly string To = DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnAnalystReadsMetricsAndConformanceOfWorkDoneOverGraphQL()
    {
        using var client = factory.CreateClient();
        var instance = await SubmitAnExpenseClaimAsync(client);

        var metrics = Field(await GraphQLClient.PostAsync(client, Metrics, new { p = "expense-approval", from = From, to = To }, new Caller("ana@example.com", [], "analyst")), "processMetrics");
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("error").ValueKind);
        var figures = metrics.GetProperty("metrics");
        Assert.True(figures.GetProperty("started").GetInt32() >= 1);
        Assert.Equal(figures.GetProperty("started").GetInt32(), figures.GetProperty("workInProgress").GetInt32());
        var submit = figures.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepKey").GetString() == "submit");
        Assert.True(submit.GetProperty("tasksCompleted").GetInt32() >= 1);

        var conformance = Field(await GraphQLClient.PostAsync(client, Conformance, new { p = "expense-approval", from = From, to = To }, "ana@example.com", "admin"), "processConformance");
        var report = conformance.GetProperty("report");
        Assert.Equal(1.0, report.GetProperty("fitness").GetDouble());
        Assert.Contains(report.GetProperty("edges").EnumerateArray(), e => e.GetProperty("from").GetString() == "submit" && e.GetProperty("to").GetString() == "managerApproval" && e.GetProperty("designed").GetBoolean());

        var (status, type, xes) = await GraphQLClient.GetAsync(client, $"/analytics/export?process=expense-approval&from={Uri.EscapeDataString(From)}&to={Uri.EscapeDataString(To)}&attributes=currency", new Caller("ana@example.com", [], "analyst"));
        Assert.Equal((HttpStatusCode.OK, "application/xml"), (status, type));
        var trace = XDocument.Parse(xes).Root!.Elements("trace").Single(t => t.Elements("string").Any(a => (string?)a.Attribute("value") == instance));
        Assert.Contains(trace.Elements("string"), a => (string?)a.Attribute("key") == "currency" && (string?)a.Attribute("value") == "EUR");
    }

    [Fact]
    public async Task WithoutTheAnalystOrAdminPermissionNothingIsReadOrExported()
    {
        using var client = factory.CreateClient();

        var metrics = await GraphQLClient.PostAsync(client, Metrics, new { p = "expense-approval", from = From, to = To }, new Caller("emma@example.com", ["employee"], "user"));
        var (status, _, body) = await GraphQLClient.GetAsync(client, $"/analytics/export?process=expense-approval&from={Uri.EscapeDataString(From)}&to={Uri.EscapeDataString(To)}", new Caller("emma@example.com", ["employee"], "user"));

        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("data").ValueKind);
        Assert.Equal("FORBIDDEN", metrics.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("<log", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadWindowOrParameterIsAClearErrorNamingWhatToFix()
    {
        using var client = factory.CreateClient();

        var metrics = Field(await GraphQLClient.PostAsync(client, Metrics, new { p = "expense-approval", from = To, to = From }, new Caller("ana@example.com", [], "analyst")), "processMetrics");
        var (badFrom, _, fromBody) = await GraphQLClient.GetAsync(client, "/analytics/export?process=expense-approval&from=yesterday&to=2026-03-01T00:00:00Z", new Caller("ana@example.com", [], "analyst"));
        var (badFormat, _, formatBody) = await GraphQLClient.GetAsync(client, $"/analytics/export?process=expense-approval&from={Uri.EscapeDataString(From)}&to={Uri.EscapeDataString(To)}&format=pdf", new Caller("ana@example.com", [], "analyst"));
        var (unknown, _, _) = await GraphQLClient.GetAsync(client, $"/analytics/export?process=no-such-process&from={Uri.EscapeDataString(From)}&to={Uri.EscapeDataString(To)}", new Caller("ana@example.com", [], "analyst"));

        Assert.Equal("INVALID", metrics.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("before or when it starts", metrics.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFrom);
        Assert.Equal("from", JsonDocument.Parse(fromBody).RootElement.GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badFormat);
        Assert.Contains("use xes or csv", formatBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    private static async Task<string> SubmitAnExpenseClaimAsync(HttpClient client)
    {
        var started = await GraphQLClient.PostAsync(client, "mutation { startProcess(key: \"expense-approval\") { instance { id } createdTasks { id } } }", null, new Caller("emma@example.com", ["employee"], "user"));
        var payload = Field(started, "startProcess");
        var claim = new
        {
            employee = new { employeeName = "Emma Example", employeeEmail = "emma@example.com", managerEmail = "max@example.com", department = "sales", costCenter = "CC-1234" },
            isTravel = false,
            currency = "EUR",
            lines = new[] { new { date = "2026-02-20", category = "meals", description = "Lunch", amount = 40 } },
        };
        var completed = await GraphQLClient.PostAsync(client, "mutation($id: ID!, $data: JSON) { completeTask(id: $id, data: $data) { error { message } } }", new { id = payload.GetProperty("createdTasks")[0].GetProperty("id").GetString(), data = claim }, new Caller("emma@example.com", ["employee"], "user"));
        Assert.Equal(JsonValueKind.Null, Field(completed, "completeTask").GetProperty("error").ValueKind);
        return payload.GetProperty("instance").GetProperty("id").GetString()!;
    }

    private static JsonElement Field(JsonElement response, string name)
    {
        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        return response.GetProperty("data").GetProperty(name);
    }
}

public sealed class AnalyticsApiTestsOnSqlite(SqliteApiFactory factory) : AnalyticsApiTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class AnalyticsApiTestsOnPostgreSQL(PostgresApiFactory factory) : AnalyticsApiTests(factory), IClassFixture<PostgresApiFactory>;
