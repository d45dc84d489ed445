using System.Net;
using LowCode.GraphQL.Tests.AspNetCore.TestSupport;

namespace LowCode.GraphQL.Tests.AspNetCore.Http;

public sealed class GraphiQLPageTests : IDisposable
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private const string Page = "<!doctype html><title>Test GraphiQL</title><div id=\"graphiql\"></div>";

    private readonly string _pagePath = Path.Combine(Path.GetTempPath(), $"graphiql-{Guid.NewGuid():N}.html");

    public GraphiQLPageTests() => File.WriteAllText(_pagePath, Page);

    public void Dispose() => File.Delete(_pagePath);

    [Theory]
    [InlineData(BrowserAccept)]
    [InlineData("text/html")]
    [InlineData("text/html, application/json;q=0.5")]
    public async Task Get_FromABrowser_ServesTheConfiguredPage(string accept)
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor, options => options.GraphiQLPagePath = _pagePath);
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/graphql", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Page, await response.Content.ReadAsStringAsync());
        Assert.Empty(executor.Calls);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/graphql-response+json, application/json, multipart/mixed")]
    [InlineData("*/*")]
    [InlineData("application/json, text/html;q=0.5")]
    public async Task Get_FromAJsonClient_RunsTheQueryInsteadOfServingThePage(string accept)
    {
        var executor = FakeExecutor.Typename();
        await using var server = await GraphQLTestServer.StartInMemoryAsync(executor, options => options.GraphiQLPagePath = _pagePath);
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/graphql?query=%7B__typename%7D", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_WithHtmlAccept_NeverServesThePage()
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(FakeExecutor.Typename(), options => options.GraphiQLPagePath = _pagePath);
        using var client = server.CreateClient();

        using var response = await GraphQLHttpPostTests.PostAsync(client, """{"query":"{ __typename }"}""", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Get_FromABrowserWithNoPageConfigured_GetsAJsonAnswer()
    {
        await using var server = await GraphQLTestServer.StartInMemoryAsync(FakeExecutor.Typename());
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/graphql", BrowserAccept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Get_FromABrowserWhenThePageFileIsMissing_Answers404WithoutRevealingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.html");
        await using var server = await GraphQLTestServer.StartInMemoryAsync(FakeExecutor.Typename(), options => options.GraphiQLPagePath = missing);
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/graphql", BrowserAccept);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("GraphiQL page is not available", text, StringComparison.Ordinal);
        Assert.DoesNotContain(missing, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithARelativePagePath_ResolvesItAgainstTheContentRoot()
    {
        var relative = Path.GetRelativePath(AppContext.BaseDirectory, _pagePath);
        await using var server = await GraphQLTestServer.StartInMemoryAsync(FakeExecutor.Typename(), options => options.GraphiQLPagePath = relative);
        using var client = server.CreateClient();

        using var response = await GetAsync(client, "/graphql", "text/html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Page, await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await client.SendAsync(request);
    }
}
