using LowCode.GraphQL.Tests.AspNetCore.TestSupport;

namespace LowCode.GraphQL.Tests.AspNetCore.WebSockets;

public sealed class GraphQLWebSocketSessionTests
{
    [Fact]
    public async Task ConnectionInit_IsAcknowledged()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());

        var ack = await client.InitAsync();

        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);
        Assert.False(ack.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task NoConnectionInitWithinTheTimeout_ClosesWith4408()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(
            new StreamingFakeExecutor(), options => options.ConnectionInitTimeout = TimeSpan.FromMilliseconds(50));

        var (code, reason) = await client.ReceiveCloseAsync();

        Assert.Equal(4408, code);
        Assert.Equal("Connection initialisation timeout", reason);
    }

    [Fact]
    public async Task ASecondConnectionInit_ClosesWith4429()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());
        await client.InitAsync();

        await client.SendAsync("""{"type":"connection_init"}""");

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task SubscribeBeforeTheAck_ClosesWith4401()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());

        await client.SubscribeAsync("1", StreamingFakeExecutor.Hello);

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task SubscribeWithAnIdAlreadyRunning_ClosesWith4409()
    {
        var executor = new StreamingFakeExecutor();
        await using var client = await TransportWsTestClient.ConnectAsync(executor);
        await client.InitAsync();
        await client.SubscribeAsync("a", StreamingFakeExecutor.Forever);
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SubscribeAsync("a", StreamingFakeExecutor.Hello);

        Assert.Equal((4409, "Subscriber for a already exists"), await client.ReceiveCloseAsync());
        await executor.ForeverEnded;
    }

    [Fact]
    public async Task ACloseReasonLongerThanAFrameAllows_IsShortenedToFit()
    {
        var executor = new StreamingFakeExecutor();
        var id = new string('é', 100);
        await using var client = await TransportWsTestClient.ConnectAsync(executor);
        await client.InitAsync();
        await client.SubscribeAsync(id, StreamingFakeExecutor.Forever);
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SubscribeAsync(id, StreamingFakeExecutor.Hello);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4409, code);
        Assert.StartsWith("Subscriber for éé", reason, StringComparison.Ordinal);
        Assert.EndsWith("...", reason, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(reason) <= 123);
    }

    [Theory]
    [InlineData("not json", "Invalid message received: the message is not valid JSON")]
    [InlineData("[1]", "Invalid message received: a message must be a JSON object with a string \"type\"")]
    [InlineData("""{"type":7}""", "Invalid message received: a message must be a JSON object with a string \"type\"")]
    [InlineData("""{"type":"shout"}""", "Unexpected message of type shout received")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""", "Unexpected message of type next received")]
    [InlineData("""{"type":"connection_ack"}""", "Unexpected message of type connection_ack received")]
    [InlineData("""{"type":"ping","payload":"x"}""", "Invalid message received: the ping payload must be an object")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ a }"}}""", "Invalid message received: subscribe needs a non-empty string \"id\"")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ a }"}}""", "Invalid message received: subscribe needs a non-empty string \"id\"")]
    [InlineData("""{"type":"subscribe","id":"1"}""", "Invalid message received: subscribe needs a \"payload\" object with a \"query\"")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":1}}""", "Invalid message received: The \"query\" parameter must be a string holding the GraphQL document, but it is a number.")]
    [InlineData("""{"type":"complete"}""", "Invalid message received: complete needs a non-empty string \"id\"")]
    public async Task AnInvalidMessage_ClosesWith4400SayingWhatIsWrong(string message, string reason)
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());
        await client.InitAsync();

        await client.SendAsync(message);

        Assert.Equal((4400, reason), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task AnInvalidConnectionInitPayload_ClosesWith4400()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());

        await client.SendAsync("""{"type":"connection_init","payload":[1]}""");

        Assert.Equal((4400, "Invalid message received: the connection_init payload must be an object"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task ATextFrameWithInvalidUtf8_ClosesWith4400()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());

        await client.SendRawTextAsync([.. "{\"type\":\"ping\",\"payload\":{\"a\":\""u8, 0xC3, 0x28, .. "\"}}"u8]);

        Assert.Equal((4400, "Invalid message received: the message is not valid UTF-8"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task ABinaryFrame_ClosesWith4400()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());

        await client.SendBinaryAsync([1, 2, 3]);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task AMessageOverTheSizeLimit_ClosesWith1009()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor(), options => options.MaxRequestBodySize = 64);

        await client.SendAsync("""{"type":"connection_init","payload":{"token":"XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"}}""");

        Assert.Equal((1009, "Message too big"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPongEchoingThePayload_EvenBeforeInit()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());

        await client.SendAsync("""{"type":"ping","payload":{"at":42}}""");
        var pong = await client.ReceiveAsync();
        await client.SendAsync("""{"type":"ping"}""");
        var bare = await client.ReceiveAsync();

        Assert.Equal("""{"type":"pong","payload":{"at":42}}""", pong.GetRawText());
        Assert.Equal("""{"type":"pong"}""", bare.GetRawText());
    }

    [Fact]
    public async Task Pong_FromTheClient_IsAcceptedSilently()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());
        await client.InitAsync();

        await client.SendAsync("""{"type":"pong","payload":{"x":1}}""");
        await client.SendAsync("""{"type":"ping"}""");

        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_ToAStream_SendsEveryEventThenComplete()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());
        await client.InitAsync();

        await client.SubscribeAsync("c1", StreamingFakeExecutor.Countdown);

        Assert.Equal("""{"id":"c1","type":"next","payload":{"data":{"countdown":3}}}""", (await client.ReceiveAsync()).GetRawText());
        Assert.Equal("""{"id":"c1","type":"next","payload":{"data":{"countdown":2}}}""", (await client.ReceiveAsync()).GetRawText());
        Assert.Equal("""{"id":"c1","type":"next","payload":{"data":{"countdown":1}}}""", (await client.ReceiveAsync()).GetRawText());
        Assert.Equal("""{"id":"c1","type":"complete"}""", (await client.ReceiveAsync()).GetRawText());
    }

    [Fact]
    public async Task Subscribe_ToAQuery_SendsOneResultThenComplete()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());
        await client.InitAsync();

        await client.SendAsync("""{"id":"q","type":"subscribe","payload":{"query":"{ hello }","variables":null,"operationName":null,"extensions":{}}}""");

        Assert.Equal("""{"id":"q","type":"next","payload":{"data":{"hello":"world"}}}""", (await client.ReceiveAsync()).GetRawText());
        Assert.Equal("""{"id":"q","type":"complete"}""", (await client.ReceiveAsync()).GetRawText());
    }

    [Fact]
    public async Task Subscribe_WithARequestError_SendsErrorAndNoComplete()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());
        await client.InitAsync();

        await client.SubscribeAsync("e", StreamingFakeExecutor.Invalid);
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"type":"ping"}""");

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("e", error.GetProperty("id").GetString());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_WhenTheExecutorThrows_SendsAnInternalErrorAndKeepsTheConnection()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());
        await client.InitAsync();

        await client.SubscribeAsync("x", StreamingFakeExecutor.Crash);
        var error = await client.ReceiveAsync();
        await client.SubscribeAsync("y", StreamingFakeExecutor.Hello);

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.DoesNotContain("exploded", error.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task CompleteFromTheClient_EndsTheSourceStreamAndFreesTheId()
    {
        var executor = new StreamingFakeExecutor();
        await using var client = await TransportWsTestClient.ConnectAsync(executor);
        await client.InitAsync();
        await client.SubscribeAsync("f", StreamingFakeExecutor.Forever);
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SendAsync("""{"id":"f","type":"complete"}""");
        await executor.ForeverEnded;
        await client.SubscribeAsync("f", StreamingFakeExecutor.Hello);

        // The server sends no "complete" for an operation the client completed: the next message is the new one's.
        Assert.Equal("""{"id":"f","type":"next","payload":{"data":{"hello":"world"}}}""", (await client.ReceiveAsync()).GetRawText());
        Assert.Equal("""{"id":"f","type":"complete"}""", (await client.ReceiveAsync()).GetRawText());
    }

    [Fact]
    public async Task ClosingTheConnection_EndsRunningSourceStreams()
    {
        var executor = new StreamingFakeExecutor();
        await using var client = await TransportWsTestClient.ConnectAsync(executor);
        await client.InitAsync();
        await client.SubscribeAsync("f", StreamingFakeExecutor.Forever);
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());
        await executor.ForeverStarted;

        await client.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);

        Assert.Equal(1000, (await client.ReceiveCloseAsync()).Code);
        await executor.ForeverEnded;
    }

    [Fact]
    public async Task AStreamIgnoringCancellation_DoesNotKeepTheClosedConnectionsRequestRunning()
    {
        var executor = new StreamingFakeExecutor();
        await using var client = await TransportWsTestClient.ConnectAsync(executor);
        await client.InitAsync();
        await client.SubscribeAsync("s", StreamingFakeExecutor.Stubborn);
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);

        Assert.Equal(1000, (await client.ReceiveCloseAsync()).Code);
        await client.Server.WaitUntilNoRequestsRunAsync();
        executor.ReleaseStubbornStreams();
    }

    [Fact]
    public async Task ConnectionInitHook_ReturningFalse_ClosesWith4403()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(
            new StreamingFakeExecutor(),
            options => options.OnConnectionInit = (_, payload, _) => ValueTask.FromResult(payload?["token"] as string == "let-me-in"));

        await client.SendAsync("""{"type":"connection_init","payload":{"token":"wrong"}}""");

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task ConnectionInitPayload_ReachesEveryOperationThroughTheRequestContext()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(
            new StreamingFakeExecutor(),
            options => options.OnConnectionInit = (_, payload, _) => ValueTask.FromResult(payload?["token"] as string == "let-me-in"));
        await client.InitAsync("""{"token":"let-me-in"}""");

        await client.SubscribeAsync("w", StreamingFakeExecutor.WhoAmI);

        Assert.Equal("""{"id":"w","type":"next","payload":{"data":{"whoAmI":{"token":"let-me-in"}}}}""", (await client.ReceiveAsync()).GetRawText());
    }

    [Fact]
    public async Task AConnectionWithoutTheSubprotocol_ClosesWith4406()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor(), subprotocol: null);

        Assert.Equal((4406, "Subprotocol not acceptable"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task AnUpgradeWhenWebSocketsAreDisabled_IsRefusedWithASpecShapedError()
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(new StreamingFakeExecutor(), options => options.EnableWebSockets = false);
        var client = server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => client.ConnectAsync(server.WebSocketUri, CancellationToken.None));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManySubscriptionsAtOnce_EachGetTheirOwnEventsWithoutInterleavedFrames()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(new StreamingFakeExecutor());
        await client.InitAsync();

        for (var i = 0; i < 20; i++)
        {
            await client.SubscribeAsync($"s{i}", StreamingFakeExecutor.Countdown);
        }

        var perId = new Dictionary<string, List<string>>();
        for (var received = 0; received < 20 * 4; received++)
        {
            var message = await client.ReceiveAsync();
            var id = message.GetProperty("id").GetString()!;
            var entry = message.GetProperty("type").GetString() == "complete"
                ? "complete"
                : message.GetProperty("payload").GetProperty("data").GetProperty("countdown").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            (perId.TryGetValue(id, out var list) ? list : perId[id] = []).Add(entry);
        }

        Assert.Equal(20, perId.Count);
        Assert.All(perId.Values, events => Assert.Equal(["3", "2", "1", "complete"], events));
    }
}
