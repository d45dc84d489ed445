using LowCode.Engine.Storage;
using LowCode.Tests.Databases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Api.Tests;

/// <summary>
/// The real Api over a database of its own on the given provider, deleted when the factory is disposed. Class fixtures
/// use <see cref="SqliteApiFactory"/> and <see cref="PostgresApiFactory"/>, which xUnit can construct.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly ScratchDatabase? _ownedDatabase;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private KeyIssuer? _keys;

    public ApiFactory(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // xUnit constructs class fixtures synchronously; creating a database is quick on both providers.
        _ownedDatabase = ScratchDatabase.CreateAsync(provider).GetAwaiter().GetResult();
        Database = _ownedDatabase.Options;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>A second Api over the database of <paramref name="sameDatabaseAs"/>, which keeps owning it.</summary>
    public ApiFactory(ApiFactory sameDatabaseAs)
    {
        ArgumentNullException.ThrowIfNull(sameDatabaseAs);
        Database = sameDatabaseAs.Database;
        _settings = sameDatabaseAs._settings;
    }

    /// <summary>The provider and connection string this Api was given.</summary>
    public DatabaseOptions Database { get; }

    public DatabaseProvider Provider => Database.Provider;

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

    /// <summary>Issues API keys for test callers in this Api's database.</summary>
    internal KeyIssuer Keys => _keys ??= KeyIssuer.For(Services);

    /// <summary>An API key this Api accepts for <paramref name="caller"/> (created on first use).</summary>
    public Task<string> KeyForAsync(Caller caller) => Keys.KeyForAsync(caller);

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        GraphQL.GraphQLClient.Register(client, Keys);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:LowCode", Database.ConnectionString);
        builder.UseSetting("LowCode:Database:Provider", Database.Provider.ToString());
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Development");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownedDatabase is not null)
        {
            _ownedDatabase.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>A class fixture: the Api over SQLite.</summary>
public sealed class SqliteApiFactory() : ApiFactory(DatabaseProvider.Sqlite);

/// <summary>A class fixture: the Api over PostgreSQL.</summary>
public sealed class PostgresApiFactory() : ApiFactory(DatabaseProvider.PostgreSQL);
