using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LowCode.GraphQL.Execution;
using Microsoft.AspNetCore.Hosting;
using LowCode.GraphQL.Tests.AspNetCore.TestSupport;

namespace LowCode.GraphQL.Tests.AspNetCore.Http;

public sealed class GraphQLHttpPostTests
{
    private const string GraphQLResponseJson = "application/graphql-response+json";

    [Fact]
    public async Task Post_WithEveryParameter_HandsThemToTheExecutorAsPlainValues()
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();

        using var response = await PostAsync(client,
            """{"query":"query Q($id: ID!) { node(id: $id) { id } }","operationName":"Q","variables":{"id":"7","n":3,"big":5000000000,"f":1.5,"list":[true,null],"obj":{"a":"b"}},"extensions":{"trace":true}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (request, context) = executor.LastCall;
        Assert.Equal("query Q($id: ID!) { node(id: $id) { id } }", request.Query);
        Assert.Equal("Q", request.OperationName);
        Assert.Equal("7", request.Variables!["id"]);
        Assert.Equal(3, request.Variables["n"]);
        Assert.Equal(5000000000L, request.Variables["big"]);
        Assert.Equal(1.5, request.Variables["f"]);
        Assert.Equal(new object?[] { true, null }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(request.Variables["list"]));
        Assert.Equal("b", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(request.Variables["obj"])["a"]);
        Assert.Equal(true, request.Extensions!["trace"]);
        Assert.Equal(new HashSet<OperationKind> { OperationKind.Query, OperationKind.Mutation }, context!.AllowedOperations);
        Assert.NotNull(context.Services);
    }

    [Theory]
    [InlineData(GraphQLResponseJson, GraphQLResponseJson)]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData(null, "application/json")]
    [InlineData("application/json;q=0.9, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    public async Task Post_NegotiatesTheResponseMediaTypeFromAccept(string? accept, string expected)
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(FakeExecutor.Typename());
        using var client = server.CreateClient();

        using var response = await PostAsync(client, """{"query":"{ __typename }"}""", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_AcceptingNoJsonMediaType_Answers406WithAnError()
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(FakeExecutor.Typename());
        using var client = server.CreateClient();

        using var response = await PostAsync(client, """{"query":"{ __typename }"}""", "text/plain");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Equal("NOT_ACCEPTABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("application/graphql-response+json", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "has no Content-Type")]
    [InlineData("text/plain", "\"text/plain\" is not supported")]
    [InlineData("application/x-www-form-urlencoded", "is not supported")]
    [InlineData("application/json; charset=iso-8859-1", "Encode the body as UTF-8")]
    public async Task Post_WithAContentTypeOtherThanJson_Answers415(string? contentType, string expectedMessage)
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"query":"{ __typename }"}"""));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Contains(expectedMessage, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(executor.Calls);
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData("application/json")]
    public async Task Post_WithMalformedJson_Answers400WithTheLineAndByteOfTheProblem(string accept)
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(FakeExecutor.Typename());
        using var client = server.CreateClient();

        using var response = await PostAsync(client, "{\n  \"query\": \"{ __typename }\",\n  oops }", accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(accept, response.Content.Headers.ContentType!.MediaType);
        var error = await SingleErrorAsync(response);
        Assert.Equal("INVALID_JSON", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.StartsWith("The request body is not valid JSON (line 3, byte 3):", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "EMPTY_REQUEST_BODY", "The request body is empty.")]
    [InlineData("[]", "INVALID_REQUEST_PARAMETER", "The request body must be a JSON object with a \"query\" string, but it is an array.")]
    [InlineData("""{"notquery":"{ a }"}""", "MISSING_QUERY", "The request has no \"query\" parameter.")]
    [InlineData("""{"query":{"a":1}}""", "INVALID_REQUEST_PARAMETER", "The \"query\" parameter must be a string holding the GraphQL document, but it is an object.")]
    [InlineData("""{"query":null}""", "INVALID_REQUEST_PARAMETER", "The \"query\" parameter must be a string holding the GraphQL document, but it is null.")]
    [InlineData("""{"query":"{ a }","operationName":0}""", "INVALID_REQUEST_PARAMETER", "The \"operationName\" parameter must be a string naming an operation of the document, or null, but it is a number.")]
    [InlineData("""{"query":"{ a }","variables":"{}"}""", "INVALID_REQUEST_PARAMETER", "The \"variables\" parameter must be a JSON object mapping variable names to values, or null, but it is a string.")]
    [InlineData("""{"query":"{ a }","variables":[1]}""", "INVALID_REQUEST_PARAMETER", "The \"variables\" parameter must be a JSON object mapping variable names to values, or null, but it is an array.")]
    [InlineData("""{"query":"{ a }","extensions":false}""", "INVALID_REQUEST_PARAMETER", "The \"extensions\" parameter must be a JSON object, or null, but it is a boolean.")]
    public async Task Post_WithMalformedParameters_Answers400NamingTheParameter(string body, string code, string message)
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();

        using var response = await PostAsync(client, body, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.StartsWith(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(executor.Calls);
    }

    [Fact]
    public async Task Post_WithNullOptionalParameters_TreatsThemAsAbsent()
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();

        using var response = await PostAsync(client, """{"query":"{ a }","operationName":null,"variables":null,"extensions":null,"vendor":1}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new GraphQLRequest("{ a }"), executor.LastCall.Request);
    }

    [Fact]
    public async Task Post_WithABodyOverTheLimit_Answers413WithoutRunningIt()
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor, options => options.MaxRequestBodySize = 100);
        using var client = server.CreateClient();

        using var response = await PostAsync(client, $$"""{"query":"{ {{new string('a', 200)}} }"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Equal("REQUEST_TOO_LARGE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("(100 bytes)", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(executor.Calls);
    }

    [Fact]
    public async Task Post_WithInvalidUtf8_Answers400InvalidJson()
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(FakeExecutor.Typename());
        using var client = server.CreateClient();
        using var content = new ByteArrayContent([.. "{\"query\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Equal("INVALID_JSON", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.StartsWith("The request body is not valid UTF-8", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithAChunkedBodyOverKestrelsOwnLimit_AnswersASpecShaped413()
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartOnLoopbackAsync(
            executor, configureHost: host => host.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64));
        using var client = server.CreateClient();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"query":"{ {{new string('a', 500)}} }"}""")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Equal("REQUEST_TOO_LARGE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Empty(executor.Calls);
    }

    [Fact]
    public async Task Post_RequestErrorAcceptingGraphQLResponseJson_Answers400WithoutData()
    {
        var executor = new FakeExecutor(_ => FakeExecutor.RequestError("Syntax Error: Expected Name, found <EOF>.", "GRAPHQL_PARSE_FAILED"));
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();

        using var response = await PostAsync(client, """{"query":"{"}""", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            """{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_RequestErrorAcceptingApplicationJson_Answers200AsTheLegacyMediaTypeRequires()
    {
        var executor = new FakeExecutor(_ => FakeExecutor.RequestError("Cannot query field \"x\" on type \"Query\".", "GRAPHQL_VALIDATION_FAILED"));
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();

        using var response = await PostAsync(client, """{"query":"{ x }"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Post_PartialResultWithFieldErrors_Answers200WithErrorsBeforeData()
    {
        var executor = new FakeExecutor(_ => new ExecutionResult
        {
            HasData = true,
            Data = new Dictionary<string, object?> { ["a"] = null, ["b"] = new object?[] { 1, 2.5, "x", false } },
            Errors = [new GraphQLError("boom", [new SourceLocation(1, 3)], ["a"])],
            Extensions = new Dictionary<string, object?> { ["cost"] = 3 },
        });
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();

        using var response = await PostAsync(client, """{"query":"{ a b }"}""", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"errors":[{"message":"boom","locations":[{"line":1,"column":3}],"path":["a"]}],"data":{"a":null,"b":[1,2.5,"x",false]},"extensions":{"cost":3}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_WhenTheExecutorThrows_Answers500WithASpecShapedErrorAndNoDetails()
    {
        var executor = new FakeExecutor((_, _, _) => throw new InvalidOperationException("secret internals"));
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();

        using var response = await PostAsync(client, """{"query":"{ a }"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("INTERNAL_SERVER_ERROR", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenTheExecutorRefusesASubscription_AnswersThatSubscriptionsUseTheWebSocket()
    {
        var executor = new FakeExecutor(_ => FakeExecutor.RequestError("Subscription operations are not allowed.", "OPERATION_NOT_ALLOWED"));
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();

        using var response = await PostAsync(client, """{"query":"subscription { tick }"}""", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Equal("SUBSCRIPTION_OVER_HTTP_NOT_SUPPORTED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("graphql-transport-ws", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenTheExecutorStartsAStreamAnyway_EndsTheStreamAndAnswers400()
    {
        var stream = new TrackingStream();
        var executor = new FakeExecutor(_ => new ExecutionResult { Stream = stream });
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();

        using var response = await PostAsync(client, """{"query":"subscription { tick }"}""", GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(stream.Disposed);
    }

    [Fact]
    public async Task Post_ConfigureRequestContext_AddsHostItemsForTheExecutor()
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(
            executor, options => options.ConfigureRequestContext = (http, context) => context.Items["tenant"] = http.Request.Headers["X-Tenant"].ToString());
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Tenant", "acme");

        using var response = await PostAsync(client, """{"query":"{ a }"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("acme", executor.LastCall.Context!.Items["tenant"]);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task OtherMethods_Answer405WithTheAllowedMethods(string method)
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(FakeExecutor.Typename());
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow);
        var error = await SingleErrorAsync(response);
        Assert.Equal("METHOD_NOT_ALLOWED", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request);
    }

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    internal static async Task<JsonElement> SingleErrorAsync(HttpResponseMessage response)
    {
        var body = await JsonAsync(response);
        Assert.False(body.TryGetProperty("data", out _));
        return Assert.Single(body.GetProperty("errors").EnumerateArray().ToList());
    }

    private sealed class TrackingStream : IAsyncEnumerable<ExecutionResult>, IAsyncEnumerator<ExecutionResult>
    {
        public bool Disposed { get; private set; }

        public ExecutionResult Current => throw new InvalidOperationException("The stream never yields.");

        public IAsyncEnumerator<ExecutionResult> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

        public ValueTask<bool> MoveNextAsync() => ValueTask.FromResult(false);

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
