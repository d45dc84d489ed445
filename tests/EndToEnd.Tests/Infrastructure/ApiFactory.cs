using LowCode.Engine.Changes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.EndToEnd.Tests.Infrastructure;

/// <summary>The real Api on a real Kestrel port, with its own throw-away SQLite file.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath;

    public ApiFactory(string databasePath)
    {
        _databasePath = databasePath;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:LowCode", $"Data Source={_databasePath}");

        // The Api's own notifier, wrapped so that live-update tests can wait until a page has subscribed.
        builder.ConfigureTestServices(services =>
        {
            var registered = services.Last(d => d.ServiceType == typeof(IRuntimeChangeNotifier));
            services.Remove(registered);
            services.AddSingleton(sp => new ObservedRuntimeChangeNotifier((IRuntimeChangeNotifier)(registered.ImplementationFactory?.Invoke(sp) ?? registered.ImplementationInstance!)));
            services.AddSingleton<IRuntimeChangeNotifier>(sp => sp.GetRequiredService<ObservedRuntimeChangeNotifier>());
        });
    }
}
