using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LowCode.GraphQL.Tests.AspNetCore.TestSupport;

namespace LowCode.GraphQL.Tests.AspNetCore.Conformance;

/// <summary>
/// "Never let a client crash the server": a seeded corpus of broken bodies, parameters and WebSocket messages, each
/// of which must get a spec-shaped answer (a GraphQL response with errors, or a 4400 close), never a 500.
/// </summary>
public sealed class MalformedRequestTests
{
    private static readonly string[] ServerMessageTypes = ["next", "error", "complete", "pong"];

    private const string Valid = """{"query":"query Q($name: String) { hello(name: $name) }","operationName":"Q","variables":{"name":"x"},"extensions":{"a":[1]}}""";

    [Fact]
    public async Task Post_WithAnyMalformedBody_AnswersAGraphQLResponseAndNever500()
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(new RealSchema().Executor);
        using var client = server.CreateClient();

        foreach (var body in MalformedBodies())
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
            request.Headers.Accept.ParseAdd("application/graphql-response+json");

            using var response = await client.SendAsync(request);

            var text = await response.Content.ReadAsStringAsync();
            var shown = Encoding.UTF8.GetString(body);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {shown}: {text}");
            using var json = JsonDocument.Parse(text);
            Assert.True(
                json.RootElement.TryGetProperty("errors", out _) || json.RootElement.TryGetProperty("data", out _),
                $"Not a GraphQL response for {shown}: {text}");
        }
    }

    [Fact]
    public async Task WebSocket_WithAnyMalformedMessage_ClosesWith4400OrAnswers()
    {
        foreach (var message in MalformedBodies().Take(80))
        {
            await using var client = await TransportWsTestClient.ConnectAsync(new RealSchema().Executor);
            await client.InitAsync();
            await client.SendRawTextAsync(WrapAsSubscribe(message));
            await client.SendAsync("""{"type":"ping","payload":{"probe":true}}""");

            // Either the server refused the message (4400) or it handled it and still answers the ping.
            var (frames, close) = await DrainUntilPongOrCloseAsync(client);
            Assert.True(close is null or (4400, _), $"Closed with {close} for {Encoding.UTF8.GetString(message)}");
            Assert.All(frames, frame => Assert.Contains(frame.GetProperty("type").GetString(), ServerMessageTypes));
        }
    }

    private static async Task<(List<JsonElement> Frames, (int Code, string Reason)? Close)> DrainUntilPongOrCloseAsync(TransportWsTestClient client)
    {
        var frames = new List<JsonElement>();
        while (true)
        {
            var (message, close) = await client.ReceiveOrCloseAsync();
            if (close is not null)
            {
                return (frames, close);
            }

            frames.Add(message!.Value);
            if (message.Value.GetProperty("type").GetString() == "pong")
            {
                return (frames, null);
            }
        }
    }

    private static byte[] WrapAsSubscribe(byte[] payload) =>
        [.. """{"id":"m","type":"subscribe","payload":"""u8, .. payload, .. "}"u8];

    private static IEnumerable<byte[]> MalformedBodies()
    {
        var random = new Random(20261121);
        var valid = Encoding.UTF8.GetBytes(Valid);

        // Every truncation of a valid body.
        for (var length = 0; length < valid.Length; length += 3)
        {
            yield return valid[..length];
        }

        // Single-byte corruptions, including bytes that are not UTF-8.
        for (var i = 0; i < 60; i++)
        {
            var copy = (byte[])valid.Clone();
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
            yield return copy;
        }

        // Every parameter with every JSON kind.
        string[] kinds = ["null", "0", "-1.5e400", "true", "\"\"", "\"{\"", "[]", "[{}]", "{}", """{"a":{"b":[null]}}"""];
        foreach (var parameter in new[] { "query", "operationName", "variables", "extensions" })
        {
            foreach (var kind in kinds)
            {
                yield return Encoding.UTF8.GetBytes($$"""{"query":"{ hello }","{{parameter}}":{{kind}}}""");
            }
        }

        // Deep nesting, past the reader's depth limit, in variables and as the whole body.
        yield return Encoding.UTF8.GetBytes("""{"query":"{ hello }","variables":{"v":""" + new string('[', 300) + new string(']', 300) + "}}");
        yield return Encoding.UTF8.GetBytes(new string('{', 1000));

        // Odd documents the executor must refuse cleanly.
        foreach (var query in new[] { "", " ", "{", "}", "query", "{ hello(name: ) }", "subscription { countdown(from: 1) }", new string('{', 500), "\\u0000" })
        {
            yield return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query }));
        }
    }
}
