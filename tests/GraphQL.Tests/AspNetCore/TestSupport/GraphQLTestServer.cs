using LowCode.GraphQL.AspNetCore;
using LowCode.GraphQL.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LowCode.GraphQL.Tests.AspNetCore.TestSupport;

/// <summary>
/// A minimal host with one GraphQL endpoint at /graphql: in memory (TestServer) for protocol tests, or on a real
/// loopback port for the Node peers (graphql-http audits, graphql-ws client).
/// </summary>
public sealed class GraphQLTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestCounter _requests;

    private GraphQLTestServer(WebApplication app, Uri baseAddress, RequestCounter requests)
    {
        _app = app;
        _requests = requests;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri GraphQLUri => new(BaseAddress, "/graphql");

    public Uri WebSocketUri => new UriBuilder(GraphQLUri) { Scheme = BaseAddress.Scheme == "https" ? "wss" : "ws" }.Uri;

    public static Task<GraphQLTestServer> StartInMemoryAsync(
        IRequestExecutor executor, Action<GraphQLHttpOptions>? configure = null, bool useWebSockets = true) =>
        StartAsync(executor, configure, realPort: false, useWebSockets);

    public static Task<GraphQLTestServer> StartOnLoopbackAsync(
        IRequestExecutor executor, Action<GraphQLHttpOptions>? configure = null, Action<WebApplicationBuilder>? configureHost = null) =>
        StartAsync(executor, configure, realPort: true, useWebSockets: true, configureHost);

    public HttpClient CreateClient()
    {
        if (_app.Services.GetService<IServer>() is TestServer testServer)
        {
            var client = testServer.CreateClient();
            client.BaseAddress = BaseAddress;
            return client;
        }

        return new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Waits until no request is running on the server (a WebSocket request runs for the connection's life).</summary>
    public async Task WaitUntilNoRequestsRunAsync()
    {
        for (var waited = 0; Volatile.Read(ref _requests.InFlight) > 0; waited++)
        {
            // A guard against a hung request, not a measurement: 1,500 waits of 10 ms.
            Assert.True(waited < 1_500, $"{_requests.InFlight} request(s) still running on the server.");
            await Task.Delay(10);
        }
    }

    public WebSocketClient CreateWebSocketClient() =>
        ((TestServer)_app.Services.GetRequiredService<IServer>()).CreateWebSocketClient();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<GraphQLTestServer> StartAsync(
        IRequestExecutor executor, Action<GraphQLHttpOptions>? configure, bool realPort, bool useWebSockets, Action<WebApplicationBuilder>? configureHost = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (realPort)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddLowCodeGraphQL();
        configureHost?.Invoke(builder);
        var app = builder.Build();
        var requests = new RequestCounter();
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref requests.InFlight);
            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref requests.InFlight);
            }
        });
        if (useWebSockets)
        {
            app.UseWebSockets();
        }
        app.MapGraphQL("/graphql", executor, configure);
        await app.StartAsync();

        var address = realPort
            ? new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())
            : new Uri("http://localhost");
        return new GraphQLTestServer(app, address, requests);
    }

    private sealed class RequestCounter
    {
        public int InFlight;
    }
}
