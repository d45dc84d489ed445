using System.Text.Json;
using LowCode.GraphQL.Tests.AspNetCore.TestSupport;

namespace LowCode.GraphQL.Tests.AspNetCore.Conformance;

/// <summary>
/// Every server audit of npm graphql-http 1.23.1 (js/audit-server.mjs) against our endpoint on a real port, served
/// by the real executor: MUST, SHOULD and MAY alike must pass (docs/graphql-http.md lists them).
/// </summary>
public sealed class GraphQLHttpAuditTests
{
    private const int AuditCountOfVersion1231 = 61;

    [Fact]
    public async Task ServerAudits_OfGraphqlHttp_AllPass()
    {
        await using var server = await GraphQLTestServer.StartOnLoopbackAsync(new RealSchema().Executor);

        var audits = JsonDocument.Parse(await NodePeer.RunAsync("audit-server.mjs", server.GraphQLUri.ToString())).RootElement
            .EnumerateArray()
            .Select(audit => (
                Id: audit.GetProperty("id").GetString()!,
                Name: audit.GetProperty("name").GetString()!,
                Status: audit.GetProperty("status").GetString()!,
                Reason: audit.GetProperty("reason").ToString()))
            .ToList();

        var failures = audits.Where(audit => audit.Status != "ok").Select(audit => $"{audit.Id} {audit.Name} [{audit.Status}]: {audit.Reason}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {audits.Count} audits failed:\n{string.Join('\n', failures)}");
        Assert.Equal(AuditCountOfVersion1231, audits.Count);
    }
}
