using LowCode.Engine.Routing;

namespace LowCode.Api.Hosting;

/// <summary>
/// <c>GET /health/rule-sets/{key}</c>: the rule set version this node routes with now, through its compiled-rule-set
/// cache (compiling it if the cache has none). Lets an operator see that a publish reached every node.
/// </summary>
internal static class RuleSetCacheEndpoint
{
    public static IEndpointRouteBuilder MapRuleSetCacheHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/rule-sets/{key}", async (string key, CompiledRuleSetCache cache, CancellationToken cancellationToken) =>
        {
            var ruleSet = await cache.GetLatestAsync(key, cancellationToken).ConfigureAwait(false);
            if (ruleSet is null)
            {
                return Results.Json(new { key, error = $"No published version of rule set '{key}'. Publish one, or check the key." }, statusCode: StatusCodes.Status404NotFound);
            }

            return Results.Json(new
            {
                key,
                version = ruleSet.Version,
                compiled = ruleSet.Compilation.Succeeded,
                problems = ruleSet.Compilation.Problems.Select(p => new { path = p.Path, message = p.Message }),
                compiledAt = ruleSet.CompiledAt,
                compilations = cache.Compilations,
            });
        });
        return endpoints;
    }
}
