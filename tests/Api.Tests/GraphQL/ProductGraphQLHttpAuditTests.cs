using LowCode.Engine.Storage;
using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>
/// The graphql-http server audits against the product's own /graphql, not only the library's test schema, with an API
/// key on every audit request (the product refuses anonymous callers).
/// </summary>
/// <remarks>Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</remarks>
public abstract class ProductGraphQLHttpAuditTests(DatabaseProvider provider)
{
    [Fact]
    public async Task ServerAudits_AgainstTheProductEndpoint_AllPass()
    {
        using var factory = new ApiFactory(provider).OnRealPort();
        var headers = JsonSerializer.Serialize(new Dictionary<string, string> { ["Authorization"] = "Bearer " + await factory.KeyForAsync(Caller.Designer("audits@example.com")) });

        var output = await NodeScript.RunAsync("tests/GraphQL.Tests/AspNetCore/js/audit-server.mjs", new Uri(factory.ServerAddress, "graphql").ToString(), headers);

        var audits = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        var failures = audits
            .Where(a => a.GetProperty("status").GetString() != "ok")
            .Select(a => $"{a.GetProperty("id").GetString()} {a.GetProperty("name").GetString()}: {a.GetProperty("reason")}")
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {audits.Count} audits failed:\n{string.Join('\n', failures)}");
        Assert.Equal(61, audits.Count);
    }
}

public sealed class ProductGraphQLHttpAuditTestsOnSqlite() : ProductGraphQLHttpAuditTests(DatabaseProvider.Sqlite);

public sealed class ProductGraphQLHttpAuditTestsOnPostgreSQL() : ProductGraphQLHttpAuditTests(DatabaseProvider.PostgreSQL);
