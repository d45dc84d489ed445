using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
    }
}
