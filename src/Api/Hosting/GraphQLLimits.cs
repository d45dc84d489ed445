using LowCode.GraphQL.AspNetCore;
using LowCode.GraphQL.Execution;

namespace LowCode.Api.Hosting;

/// <summary>
/// The product endpoint's limits from <c>LowCode:Limits</c>: <c>MaxDepth</c> (default 32), <c>MaxCost</c> (default
/// 200,000), <c>MaxRequestBodyBytes</c> (default 1 MiB). Each refusal is one error with its own code
/// (MAX_DEPTH_EXCEEDED, MAX_COST_EXCEEDED, HTTP 413); page sizes are capped by the connections themselves.
/// </summary>
internal static class GraphQLLimits
{
    public static ExecutorOptions Executor(IConfiguration configuration) => new()
    {
        MaxDepth = configuration.GetValue("LowCode:Limits:MaxDepth", 32),
        MaxCost = configuration.GetValue("LowCode:Limits:MaxCost", 200_000),
    };

    public static void Http(GraphQLHttpOptions options, IConfiguration configuration) =>
        options.MaxRequestBodySize = configuration.GetValue("LowCode:Limits:MaxRequestBodyBytes", options.MaxRequestBodySize);
}
