using System.Net;
using LowCode.GraphQL.Tests.AspNetCore.Http;
using LowCode.GraphQL.Tests.AspNetCore.TestSupport;

namespace LowCode.GraphQL.Tests.AspNetCore.Conformance;

/// <summary>The transport's status mapping against the real executor's request errors, not a double's.</summary>
public sealed class RealExecutorHttpTests
{
    [Fact]
    public async Task Get_Mutation_Answers405AndDoesNotRunIt()
    {
        var schema = new RealSchema();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(schema.Executor);
        using var client = server.CreateClient();

        using var get = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { touch }"));
        using var post = await GraphQLHttpPostTests.PostAsync(client, """{"query":"mutation { touch }"}""");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(["POST"], get.Content.Headers.Allow);
        Assert.Equal("""{"data":{"touch":1}}""", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_Subscription_AnswersThatSubscriptionsUseTheWebSocket()
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(new RealSchema().Executor);
        using var client = server.CreateClient();

        using var response = await GraphQLHttpPostTests.PostAsync(
            client, """{"query":"subscription { countdown(from: 2) }"}""", "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await GraphQLHttpPostTests.SingleErrorAsync(response);
        Assert.Equal("SUBSCRIPTION_OVER_HTTP_NOT_SUPPORTED", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"query":"{"}""", "GRAPHQL_PARSE_FAILED")]
    [InlineData("""{"query":"{ nope }"}""", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"query($n: String!) { hello(name: $n) }","variables":{"n":7}}""", "BAD_USER_INPUT")]
    public async Task Post_RequestErrors_Answer400WithTheExecutorsCodeAndLocation(string body, string code)
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(new RealSchema().Executor);
        using var client = server.CreateClient();

        using var response = await GraphQLHttpPostTests.PostAsync(client, body, "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await GraphQLHttpPostTests.SingleErrorAsync(response);
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(error.GetProperty("locations")[0].GetProperty("line").GetInt32() >= 1);
    }

    [Fact]
    public async Task Post_WithVariables_RunsTheQueryWithThem()
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(new RealSchema().Executor);
        using var client = server.CreateClient();

        using var response = await GraphQLHttpPostTests.PostAsync(
            client, """{"query":"query Greet($n: String) { hello(name: $n) }","operationName":"Greet","variables":{"n":"Ada"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"hello":"Hello, Ada!"}}""", await response.Content.ReadAsStringAsync());
    }
}
