using LowCode.Api.Identity;
using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LowCode.EndToEnd.Tests.Analytics;

/// <summary>
/// An Api of its own started exactly as <c>--demo-history</c> starts it (the history generator runs through the runtime
/// before the Api serves), on a throw-away SQLite file, with a few hundred instances so the suite stays quick; and one
/// headless Chromium. Its own server because the generator republishes the expense rule set, which the other browser
/// tests must not see.
/// </summary>
public sealed class DemoHistoryFixture : IAsyncLifetime, IDisposable
{
    public const int Instances = 240;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"lowcode-e2e-demo-{Guid.NewGuid():N}");
    private DemoHistoryApi? _api;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        Directory.CreateDirectory(_directory);
        _api = new DemoHistoryApi(Path.Combine(_directory, "lowcode.db"));
        _api.StartServer();
        var address = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A fresh page signed in as an analyst, with its console errors recorded.</summary>
    public async Task<(IPage Page, ConsoleErrorLog Errors)> OpenAnalystPageAsync()
    {
        var services = _api?.Services ?? throw new InvalidOperationException("The fixture has not started.");
        var created = await services.GetRequiredService<ApiKeyStore>().CreateAsync("demo history browser test", new ApiPrincipal("ana@example.com", [], Permissions.Analyst), "tests");
        var key = created.Token ?? throw new InvalidOperationException(created.Error);
        var browser = _browser ?? throw new InvalidOperationException("The fixture has not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync($"window.localStorage.setItem('lowcode.apiKey', '{key}');");
        var page = await context.NewPageAsync();
        return (page, new ConsoleErrorLog(page));
    }

    public static void AssertNoErrors(ConsoleErrorLog log, string page)
    {
        ArgumentNullException.ThrowIfNull(log);
        Assert.True(log.Errors.Count == 0, $"{page} logged browser errors:{Environment.NewLine}{ConsoleErrorLog.Describe(log.Errors)}");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    public void Dispose()
    {
        _api?.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class DemoHistoryApi : WebApplicationFactory<Program>
    {
        private readonly string _databasePath;

        public DemoHistoryApi(string databasePath)
        {
            _databasePath = databasePath;
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseSetting("ConnectionStrings:LowCode", $"Data Source={_databasePath}");
            builder.UseSetting("LowCode:DemoHistory", "true");
            builder.UseSetting("LowCode:DemoHistoryInstances", Instances.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
