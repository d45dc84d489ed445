using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Api.Tests;

/// <summary>The real Api over a SQLite file of its own, deleted when the factory is disposed.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lowcode-api-tests", Guid.NewGuid().ToString("N"));

    public ApiFactory()
    {
        Directory.CreateDirectory(_folder);
        DatabaseFile = Path.Combine(_folder, "lowcode.db");
    }

    /// <summary>Listens on a real loopback port (for clients outside the process); read the address from <see cref="ServerAddress"/>.</summary>
    public ApiFactory OnRealPort()
    {
        UseKestrel(0);
        StartServer();
        return this;
    }

    /// <summary>Where Kestrel listens, after <see cref="OnRealPort"/>.</summary>
    public Uri ServerAddress
    {
        get
        {
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no listening address; call OnRealPort first.");
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    public string DatabaseFile { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:LowCode", $"Data Source={DatabaseFile}");
        builder.UseEnvironment("Development");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (disposing && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
