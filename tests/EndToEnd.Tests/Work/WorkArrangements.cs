using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LowCode.EndToEnd.Tests.Infrastructure;
using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.EndToEnd.Tests.Work;

/// <summary>
/// Puts the seed apps where a browser test starts: through the product's own GraphQL API and POST /files, with the
/// key of the principal who would do it, so the pages meet exactly what a person would.
/// </summary>
internal static partial class WorkArrangements
{
    public const string Employee = "ann@example.com";
    public const string Manager = "bob@example.com";

    /// <summary>An HTTP client of the running Api that signs with a new key for <paramref name="id"/>.</summary>
    public static async Task<HttpClient> ClientAsync(DesignerFixture fixture, string permissions, string id, params string[] groups)
    {
        var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.CreateKeyAsync(permissions, id, groups));
        return client;
    }

    /// <summary>Runs a GraphQL operation and returns its data, failing the test on any GraphQL error.</summary>
    public static async Task<JsonElement> GraphQLAsync(HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync(new Uri("graphql", UriKind.Relative), new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }

    /// <summary>Uploads a small file for a task's file field and returns its id.</summary>
    public static async Task<string> UploadAsync(HttpClient client, string taskId, string field, string name, string type)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(taskId), "taskId");
        content.Add(new StringContent(field), "field");
        var file = new ByteArrayContent("%PDF-1.4 receipt"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(file, "file", name);
        using var response = await client.PostAsync(new Uri("files", UriKind.Relative), content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>Starts an expense claim as the employee; returns the instance and its first task (Submit the claim).</summary>
    public static async Task<(string InstanceId, string TaskId)> StartExpenseClaimAsync(HttpClient employee)
    {
        var started = (await GraphQLAsync(employee, """mutation { startProcess(key: "expense-approval") { instance { id } createdTasks { id } error { message } } }""")).GetProperty("startProcess");
        Assert.True(started.GetProperty("error").ValueKind == JsonValueKind.Null, started.ToString());
        return (started.GetProperty("instance").GetProperty("id").GetString()!, started.GetProperty("createdTasks")[0].GetProperty("id").GetString()!);
    }

    /// <summary>Submits the claim with one line of <paramref name="amount"/>; returns the manager's task.</summary>
    public static async Task<string> SubmitClaimAsync(HttpClient employee, string taskId, decimal amount)
    {
        var receipt = await UploadAsync(employee, taskId, "receipts", "receipt.pdf", "application/pdf");
        var data = new Dictionary<string, object?>
        {
            ["employee"] = new { employeeName = "Ann Employee", employeeEmail = Employee, managerEmail = Manager, department = "engineering", costCenter = "CC-1234" },
            ["isTravel"] = false,
            ["currency"] = "EUR",
            ["lines"] = new[] { new { date = "2026-03-02", category = amount > 5000 ? "other" : "training", description = "Conference ticket", amount } },
            ["justification"] = amount > 1000 ? "The yearly engineering conference, agreed in the team plan." : null,
            ["receipts"] = new[] { receipt },
        };
        var completed = (await GraphQLAsync(employee, "mutation($id: ID!, $data: JSON) { completeTask(id: $id, data: $data) { createdTasks { id } error { message } problems { path message } } }", new { id = taskId, data })).GetProperty("completeTask");
        Assert.True(completed.GetProperty("error").ValueKind == JsonValueKind.Null, completed.ToString());
        return completed.GetProperty("createdTasks")[0].GetProperty("id").GetString()!;
    }

    /// <summary>Registers an onboarding customer as the account manager; returns the customer's upload task and its link token.</summary>
    public static async Task<(string TaskId, string Token)> OnboardingAtUploadAsync(DesignerFixture fixture, string customer)
    {
        using var manager = await ClientAsync(fixture, "user", "alice@bank.example", "account-manager");
        var started = (await GraphQLAsync(manager, """mutation { startProcess(key: "customer-onboarding") { createdTasks { id } error { message } } }""")).GetProperty("startProcess");
        var register = started.GetProperty("createdTasks")[0].GetProperty("id").GetString();
        var request = new { companyName = "Acme GmbH", legalForm = "llc", country = "DE", contactName = "Carla Customer", customerEmail = customer, products = new[] { "payments" }, expectedAnnualVolume = 250000 };
        var registered = (await GraphQLAsync(manager, "mutation($id: ID!, $data: JSON) { completeTask(id: $id, data: $data) { createdTasks { id } error { message } problems { path message } } }", new { id = register, data = request })).GetProperty("completeTask");
        Assert.True(registered.GetProperty("error").ValueKind == JsonValueKind.Null, registered.ToString());
        var taskId = registered.GetProperty("createdTasks")[0].GetProperty("id").GetString()!;

        // The link goes out by e-mail through the outbox; the test reads it where the mail sink would.
        await using var scope = fixture.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LowCodeDbContext>>().CreateDbContextAsync();
        var mails = await db.Outbox.AsNoTracking().Where(o => o.TaskId == taskId && o.Kind == "email").OrderBy(o => o.CreatedAt).ToListAsync();
        Assert.NotEmpty(mails);
        return (taskId, Uri.UnescapeDataString(TokenInLink().Match(mails[^1].Body).Groups[1].Value));
    }

    [GeneratedRegex("#token=([A-Za-z0-9_%-]+)")]
    private static partial Regex TokenInLink();
}
