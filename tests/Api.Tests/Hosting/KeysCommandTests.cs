using LowCode.Engine.Storage;
using LowCode.Tests.Databases;

namespace LowCode.Api.Tests.Hosting;

/// <summary>
/// The key command and the production start, as an operator meets them: the built Api run as a process.
/// Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.
/// </summary>
public abstract class KeysCommandTests(DatabaseProvider provider)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task AProductionStartWithoutIdentity_StopsAndSaysWhatToConfigure()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var database = await ScratchDatabase.CreateAsync(provider);

        var run = await ApiProcess.RunCommandAsync(Settings(database), [], cts.Token);

        Assert.Equal(1, run.ExitCode);
        var said = run.Output + run.Error;
        Assert.Contains("Identity is not configured", said, StringComparison.Ordinal);
        Assert.Contains("keys create", said, StringComparison.Ordinal);
        Assert.Contains("LowCode__Identity__Jwt__Authority", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysCreateListRevoke_ManageTheKeysTheRunningApiAccepts()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var database = await ScratchDatabase.CreateAsync(provider);
        var settings = Settings(database);

        var bad = await ApiProcess.RunCommandAsync(settings, ["keys", "create", "--name", "x", "--principal", "ada@example.com", "--permissions", "root"], cts.Token);
        var created = await ApiProcess.RunCommandAsync(settings, ["keys", "create", "--name", "ci", "--principal", "ada@example.com", "--permissions", "designer,analyst", "--groups", "finance"], cts.Token);
        var key = ApiProcess.KeyIn(created.Output);
        await using var api = await ApiProcess.StartAsync(settings, cts.Token, createAdminKey: false);
        using var client = api.CreateClient();
        var before = await PostAsync(client, key);
        var listed = await ApiProcess.RunCommandAsync(settings, ["keys", "list"], cts.Token);
        var revoked = await ApiProcess.RunCommandAsync(settings, ["keys", "revoke", "ci"], cts.Token);

        // On SQLite the command and the Api share no channel, so this Api reads the key on every request (cache 0) and
        // refuses it next. On PostgreSQL the Api trusts a checked key for 10 minutes, so only the command's revocation,
        // sent after its commit through LISTEN/NOTIFY, can end that trust: the Api says when it has forgotten the key.
        if (provider == DatabaseProvider.PostgreSQL)
        {
            var keyId = LowCode.Api.Identity.ApiKeyToken.IdOf(key);
            await api.WaitForLineAsync(line => line.Contains($"API key {keyId} was revoked", StringComparison.Ordinal), cts.Token);
        }

        var after = await PostAsync(client, key);

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("root", bad.Error, StringComparison.Ordinal);
        Assert.Equal(0, created.ExitCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, before);
        Assert.Contains("ada@example.com", listed.Output, StringComparison.Ordinal);
        Assert.Contains("designer,analyst", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.Output, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, after);
    }

    private static async Task<System.Net.HttpStatusCode> PostAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ forms { key } }" }) };
        request.Headers.Authorization = new("Bearer", key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static Dictionary<string, string> Settings(ScratchDatabase database) => new()
    {
        ["LowCode:Database:Provider"] = database.Provider.ToString(),
        ["ConnectionStrings:LowCode"] = database.ConnectionString,
        ["LowCode:Identity:ApiKeyCacheSeconds"] = database.Provider == DatabaseProvider.PostgreSQL ? "600" : "0",
    };
}

public sealed class KeysCommandTestsOnSqlite() : KeysCommandTests(DatabaseProvider.Sqlite);

public sealed class KeysCommandTestsOnPostgreSQL() : KeysCommandTests(DatabaseProvider.PostgreSQL);
