using LowCode.GraphQL.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LowCode.GraphQL.AspNetCore;

/// <summary>
/// Maps a GraphQL endpoint: GraphQL over HTTP (GET and POST), <c>graphql-transport-ws</c> subscriptions over
/// WebSocket (call <c>app.UseWebSockets()</c> first), and optionally a GraphiQL page for browsers.
/// </summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>Maps <paramref name="pattern"/> to the <see cref="IRequestExecutor"/> registered in the container.</summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern = "/graphql", Action<GraphQLHttpOptions>? configure = null) =>
        MapGraphQL(endpoints, pattern, services => services.GetRequiredService<IRequestExecutor>(), configure);

    /// <summary>Maps <paramref name="pattern"/> to one executor for the application's lifetime.</summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern, IRequestExecutor executor, Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(executor);
        return MapGraphQL(endpoints, pattern, _ => executor, configure);
    }

    /// <summary>
    /// Maps <paramref name="pattern"/> to the executor <paramref name="executorFactory"/> returns for each request's
    /// services; it is called per request, so it should hand out a cached executor (swapping it swaps the schema).
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<IServiceProvider, IRequestExecutor> executorFactory,
        Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(executorFactory);

        var services = endpoints.ServiceProvider;
        var options = (services.GetService<IOptions<GraphQLHttpOptions>>()?.Value ?? new GraphQLHttpOptions()).Clone();
        configure?.Invoke(options);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("LowCode.GraphQL.AspNetCore") ?? NullLogger.Instance;
        var endpoint = new GraphQLEndpoint(options, context => executorFactory(context.RequestServices), logger);
        return endpoints.Map(pattern, endpoint.InvokeAsync).WithDisplayName($"GraphQL {pattern}");
    }
}
