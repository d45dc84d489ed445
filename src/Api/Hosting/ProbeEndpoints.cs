using LowCode.Engine.Storage;

namespace LowCode.Api.Hosting;

/// <summary>
/// Load balancer probes: <c>GET /health/live</c> answers 200 while the process serves requests;
/// <c>GET /health/ready</c> answers 200 only when the database answers and has every migration, 503 otherwise.
/// </summary>
internal static class ProbeEndpoints
{
    public static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => Results.Json(new { status = "live" }));
        endpoints.MapGet("/health/ready", async (DatabaseInitializer database, CancellationToken cancellationToken) =>
        {
            var health = await database.CheckAsync(cancellationToken).ConfigureAwait(false);
            var reason = health.Error is { } error
                ? $"The database does not answer: {error}"
                : health.PendingMigrations > 0
                    ? $"The database lacks {health.PendingMigrations} migration(s); a starting node applies them."
                    : null;
            return Results.Json(
                new { status = reason is null ? "ready" : "not ready", reason, schemaVersion = health.SchemaVersion },
                statusCode: reason is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
