using LowCode.Engine.Storage;
using System.Net;
using System.Text.Json;

namespace LowCode.Api.Tests.Hosting;

/// <remarks>Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</remarks>
public abstract class StartupTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Health_OnFirstStart_ReportsMigratedDatabaseWithSeedApps()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        var database = body.RootElement.GetProperty("database");
        Assert.True(database.GetProperty("healthy").GetBoolean());
        Assert.Equal(0, database.GetProperty("pendingMigrations").GetInt32());
        Assert.True(database.GetProperty("definitions").GetInt32() >= 9, "the three seed apps hold at least nine definitions");
        Assert.Equal(provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql", database.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task SecondStart_OnTheSameDatabase_AddsNoDefinitions()
    {
        using var first = new ApiFactory(provider);
        using (var client = first.CreateClient())
        {
            await client.GetAsync(new Uri("/health", UriKind.Relative));
        }

        var before = await CountDefinitionsAsync(first);
        using var second = new ApiFactory(first);
        using var secondClient = second.CreateClient();

        await secondClient.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(before, await CountDefinitionsAsync(second));
    }

    [Fact]
    public async Task Root_ServesTheDesignerShell()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownClientRoute_FallsBackToTheDesignerShell()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/processes/expense-approval", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<int> CountDefinitionsAsync(ApiFactory factory)
    {
        using var client = factory.CreateClient();
        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        return body.RootElement.GetProperty("database").GetProperty("definitions").GetInt32();
    }
}

public sealed class StartupTestsOnSqlite() : StartupTests(DatabaseProvider.Sqlite);

public sealed class StartupTestsOnPostgreSQL() : StartupTests(DatabaseProvider.PostgreSQL);
