using System.Net;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Tests.AspNetCore.TestSupport;
using static LowCode.GraphQL.Tests.AspNetCore.Http.GraphQLHttpPostTests;

namespace LowCode.GraphQL.Tests.AspNetCore.Http;

public sealed class GraphQLHttpGetTests
{
    [Fact]
    public async Task Get_WithUrlParameters_RunsTheQueryAllowingOnlyQueries()
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();

        var url = "/graphql?query=" + Uri.EscapeDataString("query Q($n: Int) { a(n: $n) }")
            + "&operationName=Q&variables=" + Uri.EscapeDataString("""{"n":5}""")
            + "&extensions=" + Uri.EscapeDataString("""{"persisted":{"v":1}}""");
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        var (request, context) = executor.LastCall;
        Assert.Equal("query Q($n: Int) { a(n: $n) }", request.Query);
        Assert.Equal("Q", request.OperationName);
        Assert.Equal(5, request.Variables!["n"]);
        Assert.NotNull(request.Extensions!["persisted"]);
        Assert.Equal(new HashSet<OperationKind> { OperationKind.Query }, context!.AllowedOperations);
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task Get_WhenTheExecutorRefusesAMutation_Answers405AllowingPost(string accept)
    {
        var executor = new FakeExecutor(_ => FakeExecutor.RequestError("Mutation operations are not allowed.", "OPERATION_NOT_ALLOWED"));
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { a }"));
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        var error = await SingleErrorAsync(response);
        Assert.Equal("OPERATION_NOT_ALLOWED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("POST", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "MISSING_QUERY", "The request has no \"query\" URL parameter.")]
    [InlineData("?query=%7Ba%7D&query=%7Bb%7D", "INVALID_REQUEST_PARAMETER", "The \"query\" URL parameter appears 2 times. Send it once.")]
    [InlineData("?query=%7Ba%7D&variables=%7Bnope", "INVALID_JSON", "The \"variables\" URL parameter must be a JSON object mapping variable names to values, URL-encoded, but it is not valid JSON (line 1, byte 2):")]
    [InlineData("?query=%7Ba%7D&variables=%5B1%5D", "INVALID_REQUEST_PARAMETER", "The \"variables\" parameter must be a JSON object mapping variable names to values, but it is an array.")]
    [InlineData("?query=%7Ba%7D&extensions=3", "INVALID_REQUEST_PARAMETER", "The \"extensions\" parameter must be a JSON object, but it is a number.")]
    public async Task Get_WithMalformedUrlParameters_Answers400SayingWhatToFix(string queryString, string code, string message)
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor);
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/graphql" + queryString);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.StartsWith(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(executor.Calls);
    }

    [Fact]
    public async Task Get_WhenGetIsDisabled_Answers405AllowingPost()
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor, options => options.EnableGetRequests = false);
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/graphql?query=%7Ba%7D");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Empty(executor.Calls);
    }

    [Fact]
    public async Task Get_WebSocketUpgradeWithoutUseWebSockets_SaysTheHostMustEnableThem()
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(FakeExecutor.Typename(), useWebSockets: false);
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Upgrade", "websocket");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Contains("app.UseWebSockets()", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
