using System.Text.Json;
using LowCode.GraphQL.Tests.AspNetCore.TestSupport;

namespace LowCode.GraphQL.Tests.AspNetCore.Conformance;

/// <summary>npm graphql-ws against our server and the real executor: subscriptions, queries, mutations, errors.</summary>
public sealed class GraphQLWsRealSchemaTests
{
    [Fact]
    public async Task GraphQLWsClient_RunsSubscriptionsQueriesAndMutationsOverOneConnection()
    {
        var schema = new RealSchema();
        await using var server = await GraphQLTestServer.StartOnLoopbackAsync(schema.Executor);
        var operations = JsonSerializer.Serialize(new object[]
        {
            new { query = "subscription Count($from: Int!) { countdown(from: $from) }", variables = new { from = 3 } },
            new { query = "{ hello(name: \"ws\") }" },
            new { query = "mutation { touch }" },
            new { query = "subscription { ticks }", take = 2 },
        });

        var output = JsonDocument.Parse(await NodePeer.RunAsync("ws-client.mjs", server.WebSocketUri.ToString(), operations)).RootElement;

        var outcomes = output.GetProperty("outcomes");
        Assert.Equal("""[{"data":{"countdown":3}},{"data":{"countdown":2}},{"data":{"countdown":1}}]""", outcomes[0].GetProperty("results").GetRawText());
        Assert.Equal("""[{"data":{"hello":"Hello, ws!"}}]""", outcomes[1].GetProperty("results").GetRawText());
        Assert.Equal("""[{"data":{"touch":1}}]""", outcomes[2].GetProperty("results").GetRawText());
        Assert.Equal("""[{"data":{"ticks":0}},{"data":{"ticks":1}}]""", outcomes[3].GetProperty("results").GetRawText());
        await schema.TicksEnded;
    }

    [Fact]
    public async Task GraphQLWsClient_GetsValidationErrorsOfASubscribeAsGraphQLErrors()
    {
        await using var server = await GraphQLTestServer.StartOnLoopbackAsync(new RealSchema().Executor);
        var operations = JsonSerializer.Serialize(new object[] { new { query = "subscription { countdown }" } });

        var output = JsonDocument.Parse(await NodePeer.RunAsync("ws-client.mjs", server.WebSocketUri.ToString(), operations)).RootElement;

        var error = output.GetProperty("outcomes")[0].GetProperty("error").GetProperty("graphqlErrors")[0];
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("countdown", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
