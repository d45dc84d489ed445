using Microsoft.Extensions.DependencyInjection;

namespace LowCode.GraphQL.AspNetCore;

/// <summary>Registers the defaults every endpoint mapped with <see cref="GraphQLEndpointRouteBuilderExtensions"/> starts from.</summary>
public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Adds the GraphQL transport: default <see cref="GraphQLHttpOptions"/>, which each <c>MapGraphQL</c> call copies and may
    /// refine. The executor is the host's: register an <c>IRequestExecutor</c> or pass one to <c>MapGraphQL</c>.
    /// </summary>
    public static IServiceCollection AddLowCodeGraphQL(this IServiceCollection services, Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GraphQLHttpOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        return services;
    }
}
