using System.Net.Http.Json;
using System.Text.Json;
using LowCode.Api.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LowCode.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One Api server and one headless Chromium shared by the browser tests: starting either is the slow part,
/// and every test opens its own browser context, so tests do not share cookies, storage or pages.
/// </summary>
public sealed class DesignerFixture : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"lowcode-e2e-{Guid.NewGuid():N}");
    private ApiFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The API key every page signs with (saved in each browser context's localStorage, as the API page saves it).</summary>
    public string ApiKey { get; private set; } = string.Empty;

    /// <summary>Whether the Api answers GraphQL at /graphql (it is mounted by the GraphQL issue).</summary>
    public bool GraphQLIsMounted { get; private set; }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        // CI runs on two shared cores while other test assemblies build and run: the first Monaco load there can
        // take several seconds, so waits are generous. A passing test never waits for the full timeout.
        Assertions.SetDefaultExpectTimeout(20_000);
        Directory.CreateDirectory(_directory);
        _factory = new ApiFactory(Path.Combine(_directory, "lowcode.db"));
        _factory.StartServer();
        BaseAddress = ServerAddress(_factory.Services);
        var created = await _factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync(
            "browser tests", new ApiPrincipal("designer@example.com", [], Permissions.Designer | Permissions.Analyst | Permissions.User), "tests");
        ApiKey = created.Token ?? throw new InvalidOperationException(created.Error);

        using var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        GraphQLIsMounted = await AnswersGraphQLAsync(client);

        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Stops the server and removes its database; xunit calls this after <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        _factory?.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>
    /// A fresh page in its own browser context, signed in with the fixture's designer, analyst and user key, with its
    /// console errors recorded from the first request on.
    /// </summary>
    public Task<(IPage Page, ConsoleErrorLog Errors)> OpenPageAsync() => OpenPageWithKeyAsync(ApiKey);

    /// <summary>A fresh page signed in as a new principal: <paramref name="permissions"/> like "user" or "designer,admin".</summary>
    public async Task<(IPage Page, ConsoleErrorLog Errors)> OpenPageAsync(string permissions, string id, params string[] groups) =>
        await OpenPageWithKeyAsync(await CreateKeyAsync(permissions, id, groups));

    /// <summary>A fresh page that is not signed in (the sign-in page, or an external participant's link).</summary>
    public Task<(IPage Page, ConsoleErrorLog Errors)> OpenAnonymousPageAsync() => OpenPageWithKeyAsync(null);

    /// <summary>A new API key for a principal; <paramref name="permissions"/> like "user" or "designer,admin".</summary>
    public async Task<string> CreateKeyAsync(string permissions, string id, params string[] groups)
    {
        var (parsed, unknown) = PermissionNames.Parse([permissions]);
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown permissions: {string.Join(", ", unknown)}.", nameof(permissions));
        }

        var services = _factory?.Services ?? throw new InvalidOperationException("The fixture has not started.");
        var created = await services.GetRequiredService<ApiKeyStore>().CreateAsync($"browser tests: {id}", new ApiPrincipal(id, [.. groups], parsed), "tests");
        return created.Token ?? throw new InvalidOperationException(created.Error);
    }

    /// <summary>The running Api's services, for tests that arrange data through the engine itself.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The fixture has not started.");

    private async Task<(IPage Page, ConsoleErrorLog Errors)> OpenPageWithKeyAsync(string? key)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(60_000);
        if (key is not null)
        {
            await context.AddInitScriptAsync($"window.localStorage.setItem('lowcode.apiKey', '{key}');");
        }

        var page = await context.NewPageAsync();
        return (page, new ConsoleErrorLog(page));
    }

    /// <summary>
    /// The errors a test must not see. While the Api has no GraphQL endpoint, the browser's own
    /// "Failed to load resource" line for /graphql is expected; once /graphql answers, nothing is excused.
    /// </summary>
    public IReadOnlyList<BrowserError> UnexpectedErrors(ConsoleErrorLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return GraphQLIsMounted ? log.Errors : log.Except(IsMissingGraphQLEndpoint);
    }

    public void AssertNoUnexpectedErrors(ConsoleErrorLog log, string page)
    {
        var unexpected = UnexpectedErrors(log);
        Assert.True(unexpected.Count == 0, $"{page} logged browser errors:{Environment.NewLine}{ConsoleErrorLog.Describe(unexpected)}");
    }

    private bool IsMissingGraphQLEndpoint(BrowserError error) =>
        error.Kind == "console.error"
        && error.Text.StartsWith("Failed to load resource:", StringComparison.Ordinal)
        && error.Location.StartsWith(new Uri(BaseAddress, "graphql").ToString(), StringComparison.Ordinal);

    private static Uri ServerAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        var address = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static async Task<bool> AnswersGraphQLAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("graphql", new { query = "{ __typename }" });
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not ("application/json" or "application/graphql-response+json"))
        {
            return false;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("data", out _);
    }
}

