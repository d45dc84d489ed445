using LowCode.GraphQL.AspNetCore;
using LowCode.GraphQL.Tests.AspNetCore.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LowCode.GraphQL.Tests.AspNetCore;

public sealed class GraphQLEndpointRouteBuilderExtensionsTests
{
    [Fact]
    public async Task MapGraphQL_StartsFromTheServiceDefaults_AndEachEndpointRefinesItsOwnCopy()
    {
        var page = Path.Combine(Path.GetTempPath(), $"graphiql-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(page, "<html>page</html>");
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseTestServer();
            builder.Services.AddLowCodeGraphQL(options => options.GraphiQLPagePath = page);
            builder.Services.AddSingleton<LowCode.GraphQL.Execution.IRequestExecutor>(FakeExecutor.Typename());
            await using var app = builder.Build();
            app.MapGraphQL("/with-page");
            app.MapGraphQL("/without-page", configure: options => options.GraphiQLPagePath = null);
            await app.StartAsync();
            using var client = app.GetTestClient();

            using var withPage = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/with-page") { Headers = { { "Accept", "text/html" } } });
            using var withoutPage = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/without-page?query=%7Ba%7D") { Headers = { { "Accept", "text/html, application/json" } } });

            Assert.Equal("<html>page</html>", await withPage.Content.ReadAsStringAsync());
            Assert.Equal("""{"data":{"__typename":"Query"}}""", await withoutPage.Content.ReadAsStringAsync());
        }
        finally
        {
            File.Delete(page);
        }
    }

    [Fact]
    public void MapGraphQL_WithANonPositiveInitTimeout_FailsAtStartupNamingTheOption()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() =>
            app.MapGraphQL("/graphql", FakeExecutor.Typename(), options => options.ConnectionInitTimeout = TimeSpan.Zero));

        Assert.Contains("ConnectionInitTimeout must be positive", error.Message, StringComparison.Ordinal);
    }
}
