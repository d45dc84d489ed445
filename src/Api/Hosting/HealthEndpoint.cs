using LowCode.Engine.Storage;

namespace LowCode.Api.Hosting;

/// <summary><c>GET /health</c>: 200 with the database status when it answers, 503 when it does not.</summary>
internal static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (DatabaseInitializer database, CancellationToken cancellationToken) =>
        {
            var health = await database.CheckAsync(cancellationToken).ConfigureAwait(false);
            var body = new
            {
                status = health.Healthy ? "healthy" : "unhealthy",
                database = new
                {
                    healthy = health.Healthy,
                    provider = database.Options.ProviderName,
                    schemaVersion = health.SchemaVersion,
                    pendingMigrations = health.PendingMigrations,
                    definitions = health.Definitions,
                    error = health.Error,
                },
            };
            return Results.Json(body, statusCode: health.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
