using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>The customer onboarding's external participant over HTTP: GraphQL with the link token, and POST/GET /files.</summary>
public abstract partial class ExternalLinkApiTests(ApiFactory factory)
{
    private const string AccountManager = "alice@bank.example";
    private const string Customer = "ceo@acme.example";

    private const string Start = """
        mutation { startProcess(key: "customer-onboarding") { createdTasks { id } error { message } } }
        """;

    private const string Complete = """
        mutation($id: ID!, $data: JSON) { completeTask(id: $id, data: $data) { createdTasks { id stepKey } error { message } problems { path code } } }
        """;

    private const string ByToken = """
        query($token: String!, $taskId: ID) { taskByToken(token: $token, taskId: $taskId) {
          linked { email expiresAt organizationName task { id stepKey status prefill } form { key version fields { key type } } }
          error { kind message } problems { path code message } } }
        """;

    private const string Evaluate = """
        query($token: String!, $data: JSON!) { evaluateFormByToken(token: $token, data: $data) { evaluation { valid errors { path code } } error { message } problems { code } } }
        """;

    private const string CompleteByToken = """
        mutation($token: String!, $data: JSON, $idem: String) { completeTaskByToken(token: $token, data: $data, idempotencyKey: $idem) { completedTaskId replayed error { kind message } problems { path code message } } }
        """;

    private const string Resend = """
        mutation($taskId: ID!) { resendTaskLink(taskId: $taskId) { taskId email expiresAt error { kind message } problems { code } } }
        """;

    [Fact]
    public async Task TheCustomerUploadsThroughTheLinkAndCompletesTheTaskOnce()
    {
        using var client = factory.CreateClient();
        var (taskId, token) = await AtUploadAsync(client);

        var opened = Data(await GraphQLClient.PostAsLinkHolderAsync(client, ByToken, new { token }, token), "taskByToken");
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("error").ValueKind);
        var linked = opened.GetProperty("linked");
        Assert.Equal((Customer, taskId, "customer-documents"), (linked.GetProperty("email").GetString(), linked.GetProperty("task").GetProperty("id").GetString(), linked.GetProperty("form").GetProperty("key").GetString()));
        Assert.Contains(linked.GetProperty("form").GetProperty("fields").EnumerateArray(), f => f.GetProperty("type").GetString() == "file");
        Assert.Equal("LowCode", linked.GetProperty("organizationName").GetString());

        var certificate = await UploadAsync(client, token, taskId, "registrationCertificate", "certificate.pdf", "application/pdf", 4000);
        var address = await UploadAsync(client, token, taskId, "proofOfAddress", "bill.png", "image/png", 300);
        var passport = await UploadAsync(client, token, taskId, "beneficialOwners.identityDocument", "passport.jpg", "image/jpeg", 500);
        var data = Documents(certificate, address, passport);

        var evaluated = Data(await GraphQLClient.PostAsLinkHolderAsync(client, Evaluate, new { token, data = new { registrationCertificate = "not-an-upload" } }, token), "evaluateFormByToken");
        Assert.Contains(evaluated.GetProperty("evaluation").GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == "registrationCertificate" && e.GetProperty("code").GetString() == "file");
        Assert.True(Data(await GraphQLClient.PostAsLinkHolderAsync(client, Evaluate, new { token, data }, token), "evaluateFormByToken").GetProperty("evaluation").GetProperty("valid").GetBoolean());

        var completed = Data(await GraphQLClient.PostAsLinkHolderAsync(client, CompleteByToken, new { token, data, idem = "done" }, token), "completeTaskByToken");
        Assert.Equal(taskId, completed.GetProperty("completedTaskId").GetString());
        var repeated = Data(await GraphQLClient.PostAsLinkHolderAsync(client, CompleteByToken, new { token, data, idem = "done" }, token), "completeTaskByToken");
        Assert.True(repeated.GetProperty("replayed").GetBoolean());
        var reused = Data(await GraphQLClient.PostAsLinkHolderAsync(client, CompleteByToken, new { token, data }, token), "completeTaskByToken");
        Assert.Equal(("CONFLICT", "link.used"), (reused.GetProperty("error").GetProperty("kind").GetString(), reused.GetProperty("problems")[0].GetProperty("code").GetString()));
        var afterwards = Data(await GraphQLClient.PostAsLinkHolderAsync(client, ByToken, new { token }, token), "taskByToken");
        Assert.Equal("link.used", afterwards.GetProperty("problems")[0].GetProperty("code").GetString());

        using var download = new HttpRequestMessage(HttpMethod.Get, new Uri($"/files/{certificate}", UriKind.Relative));
        await GraphQLClient.SignAsync(client, download, new Caller(AccountManager, ["account-manager"], "user"));
        using var file = await client.SendAsync(download);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(4000, (await file.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task ALinkHolderWithoutAKeyReachesOnlyItsOwnOperations()
    {
        using var client = factory.CreateClient();
        var (_, token) = await AtUploadAsync(client);

        var opened = Data(await GraphQLClient.PostAsLinkHolderAsync(client, ByToken, new { token }, token), "taskByToken");
        var other = await GraphQLClient.PostAsLinkHolderAsync(client, "{ forms { key } }", null, token);
        using var introspection = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query = "{ __schema { types { name } } }" }) };
        introspection.Headers.Add("X-LowCode-Link-Token", token);
        using var refused = await client.SendAsync(introspection);

        Assert.Equal(JsonValueKind.Null, opened.GetProperty("error").ValueKind);
        Assert.Equal("UNAUTHENTICATED", other.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task UploadsOfTheWrongTypeOrSizeAreRefusedWithTheirCode()
    {
        using var client = factory.CreateClient();
        var (taskId, token) = await AtUploadAsync(client);

        using var wrongType = await PostFileAsync(client, token, taskId, "registrationCertificate", "certificate.png", "image/png", 100);
        using var tooLarge = await PostFileAsync(client, token, taskId, "proofOfAddress", "bill.pdf", "application/pdf", (5 * 1024 * 1024) + 1);
        using var noField = await PostFileAsync(client, token, taskId, "registrationNumber", "x.pdf", "application/pdf", 10);

        await AssertRefusedAsync(wrongType, HttpStatusCode.UnsupportedMediaType, "file.accept");
        await AssertRefusedAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge, "file.tooLarge");
        await AssertRefusedAsync(noField, HttpStatusCode.BadRequest, "file.field");
    }

    [Fact]
    public async Task ADownloadIsRefusedToWhoeverCannotSeeTheTask()
    {
        using var client = factory.CreateClient();
        var (taskId, token) = await AtUploadAsync(client);
        var (_, otherToken) = await AtUploadAsync(client);
        var fileId = await UploadAsync(client, token, taskId, "proofOfAddress", "bill.pdf", "application/pdf", 50);

        using var byStranger = new HttpRequestMessage(HttpMethod.Get, new Uri($"/files/{fileId}", UriKind.Relative));
        await GraphQLClient.SignAsync(client, byStranger, new Caller("eve@bank.example", ["employee"], "user"));
        using var byOtherCustomer = new HttpRequestMessage(HttpMethod.Get, new Uri($"/files/{fileId}", UriKind.Relative));
        byOtherCustomer.Headers.Add("X-LowCode-Link-Token", otherToken);
        using var byHolder = new HttpRequestMessage(HttpMethod.Get, new Uri($"/files/{fileId}", UriKind.Relative));
        byHolder.Headers.Add("X-LowCode-Link-Token", token);

        await AssertRefusedAsync(await client.SendAsync(byStranger), HttpStatusCode.Forbidden, "file.forbidden");
        await AssertRefusedAsync(await client.SendAsync(byOtherCustomer), HttpStatusCode.Forbidden, "file.forbidden");
        using var own = await client.SendAsync(byHolder);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task AResentLinkRevokesTheOldOneAndALinkOpensOnlyItsOwnTask()
    {
        using var client = factory.CreateClient();
        var (taskId, token) = await AtUploadAsync(client);
        var (otherTaskId, _) = await AtUploadAsync(client);

        var wrongTask = Data(await GraphQLClient.PostAsLinkHolderAsync(client, ByToken, new { token, taskId = otherTaskId }, token), "taskByToken");
        using var wrongUpload = await PostFileAsync(client, token, otherTaskId, "proofOfAddress", "bill.pdf", "application/pdf", 10);
        var byStranger = Data(await GraphQLClient.PostAsync(client, Resend, new { taskId }, new Caller("eve@bank.example", ["employee"], "user")), "resendTaskLink");
        var resent = Data(await GraphQLClient.PostAsync(client, Resend, new { taskId }, AccountManager, "account-manager"), "resendTaskLink");
        var old = Data(await GraphQLClient.PostAsLinkHolderAsync(client, ByToken, new { token }, token), "taskByToken");
        var unknown = Data(await GraphQLClient.PostAsLinkHolderAsync(client, ByToken, new { token = "made-up" }, "made-up"), "taskByToken");

        Assert.Equal("link.wrongTask", wrongTask.GetProperty("problems")[0].GetProperty("code").GetString());
        await AssertRefusedAsync(wrongUpload, HttpStatusCode.Forbidden, "link.wrongTask");
        Assert.Equal("FORBIDDEN", byStranger.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal((taskId, Customer), (resent.GetProperty("taskId").GetString(), resent.GetProperty("email").GetString()));
        Assert.Equal(("FORBIDDEN", "link.revoked"), (old.GetProperty("error").GetProperty("kind").GetString(), old.GetProperty("problems")[0].GetProperty("code").GetString()));
        Assert.Equal("link.unknown", unknown.GetProperty("problems")[0].GetProperty("code").GetString());
        var newToken = await TokenAsync(taskId, expected: 2);
        Assert.NotEqual(token, newToken);
        Assert.Equal(JsonValueKind.Null, Data(await GraphQLClient.PostAsLinkHolderAsync(client, ByToken, new { token = newToken }, newToken), "taskByToken").GetProperty("error").ValueKind);
    }

    /// <summary>Starts an onboarding, registers the customer, and reads the link from the e-mail the outbox holds for them.</summary>
    private async Task<(string TaskId, string Token)> AtUploadAsync(HttpClient client)
    {
        var started = Data(await GraphQLClient.PostAsync(client, Start, null, AccountManager, "account-manager"), "startProcess");
        var register = started.GetProperty("createdTasks")[0].GetProperty("id").GetString();
        var request = new
        {
            companyName = "Acme GmbH",
            legalForm = "llc",
            country = "DE",
            contactName = "Carla Customer",
            customerEmail = Customer,
            products = new[] { "payments" },
            expectedAnnualVolume = 250000,
        };
        var registered = Data(await GraphQLClient.PostAsync(client, Complete, new { id = register, data = request }, AccountManager, "account-manager"), "completeTask");
        Assert.True(registered.GetProperty("error").ValueKind == JsonValueKind.Null, registered.ToString());
        var taskId = registered.GetProperty("createdTasks")[0].GetProperty("id").GetString()!;
        return (taskId, await TokenAsync(taskId, expected: 1));
    }

    private async Task<string> TokenAsync(string taskId, int expected)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LowCodeDbContext>>().CreateDbContextAsync();
        var mails = await db.Outbox.AsNoTracking().Where(o => o.TaskId == taskId && o.Kind == "email").OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync();
        Assert.Equal(expected, mails.Count);
        Assert.All(mails, m => Assert.Equal(Customer, m.Target));
        return Uri.UnescapeDataString(TokenInLink().Match(mails[^1].Body).Groups[1].Value);
    }

    private static async Task<string> UploadAsync(HttpClient client, string token, string taskId, string field, string name, string type, int size)
    {
        using var response = await PostFileAsync(client, token, taskId, field, name, type, size);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal((name, type, (long)size), (body.GetProperty("name").GetString(), body.GetProperty("contentType").GetString(), body.GetProperty("size").GetInt64()));
        return body.GetProperty("id").GetString()!;
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string token, string taskId, string field, string name, string type, int size)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(taskId), "taskId");
        content.Add(new StringContent(field), "field");
        var file = new ByteArrayContent(new byte[size]);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/files", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-LowCode-Link-Token", token);
        return await client.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetProperty("message").GetString()));
    }

    private static object Documents(string certificate, string address, string passport) => new
    {
        registrationNumber = "HRB 12345",
        registrationCertificate = certificate,
        proofOfAddress = address,
        beneficialOwners = new[] { new { fullName = "Carla Customer", dateOfBirth = "1975-04-01", ownershipPercent = 100, identityDocument = passport } },
        termsAccepted = true,
    };

    private static JsonElement Data(JsonElement response, string field)
    {
        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        return response.GetProperty("data").GetProperty(field);
    }

    [GeneratedRegex("#token=([A-Za-z0-9_%-]+)")]
    private static partial Regex TokenInLink();
}

public sealed class ExternalLinkApiTestsOnSqlite(SqliteApiFactory factory) : ExternalLinkApiTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class ExternalLinkApiTestsOnPostgreSQL(PostgresApiFactory factory) : ExternalLinkApiTests(factory), IClassFixture<PostgresApiFactory>;
