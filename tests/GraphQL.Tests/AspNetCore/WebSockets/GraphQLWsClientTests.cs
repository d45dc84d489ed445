using System.Text.Json;
using LowCode.GraphQL.Tests.AspNetCore.TestSupport;

namespace LowCode.GraphQL.Tests.AspNetCore.WebSockets;

/// <summary>The server against the reference client, npm graphql-ws, over a real loopback socket.</summary>
public sealed class GraphQLWsClientTests
{
    [Fact]
    public async Task GraphQLWsClient_ReceivesStreamsAndQueriesAndCompletesEarly()
    {
        var executor = new StreamingFakeExecutor();
        await using var server = await GraphQLTestServer.StartOnLoopbackAsync(executor);
        var operations = JsonSerializer.Serialize(new object[]
        {
            new { query = StreamingFakeExecutor.Countdown },
            new { query = StreamingFakeExecutor.Hello },
            new { query = StreamingFakeExecutor.Forever, take = 1 },
        });

        var output = JsonDocument.Parse(await NodePeer.RunAsync("ws-client.mjs", server.WebSocketUri.ToString(), operations)).RootElement;

        var outcomes = output.GetProperty("outcomes");
        Assert.Equal(
            """[{"data":{"countdown":3}},{"data":{"countdown":2}},{"data":{"countdown":1}}]""",
            outcomes[0].GetProperty("results").GetRawText());
        Assert.True(outcomes[0].GetProperty("completed").GetBoolean());
        Assert.Equal("""[{"data":{"hello":"world"}}]""", outcomes[1].GetProperty("results").GetRawText());
        Assert.Equal("""[{"data":{"forever":0}}]""", outcomes[2].GetProperty("results").GetRawText());
        await executor.ForeverEnded;
        Assert.Equal(1000, output.GetProperty("closes")[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task GraphQLWsClient_SeesRequestErrorsAsGraphQLErrors()
    {
        await using var server = await GraphQLTestServer.StartOnLoopbackAsync(new StreamingFakeExecutor());
        var operations = JsonSerializer.Serialize(new object[] { new { query = StreamingFakeExecutor.Invalid } });

        var output = JsonDocument.Parse(await NodePeer.RunAsync("ws-client.mjs", server.WebSocketUri.ToString(), operations)).RootElement;

        var errors = output.GetProperty("outcomes")[0].GetProperty("error").GetProperty("graphqlErrors");
        Assert.Equal("Cannot query field \"nope\" on type \"Query\".", errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task GraphQLWsClient_RefusedByTheInitHook_SeesClose4403()
    {
        await using var server = await GraphQLTestServer.StartOnLoopbackAsync(
            new StreamingFakeExecutor(), options => options.OnConnectionInit = (_, payload, _) => ValueTask.FromResult(payload?["token"] as string == "ok"));
        var operations = JsonSerializer.Serialize(new object[] { new { query = StreamingFakeExecutor.Hello } });

        var output = JsonDocument.Parse(await NodePeer.RunAsync(
            "ws-client.mjs", server.WebSocketUri.ToString(), operations, """{"token":"wrong"}""")).RootElement;

        Assert.Equal(4403, output.GetProperty("closes")[0].GetProperty("code").GetInt32());
        Assert.Equal("Forbidden", output.GetProperty("closes")[0].GetProperty("reason").GetString());
    }
}
