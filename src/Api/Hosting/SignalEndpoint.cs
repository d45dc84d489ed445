using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Processes;

namespace LowCode.Api.Hosting;

/// <summary>
/// <c>POST /signals/{token}</c>: the resume URL a webhook body offers. An outside system that received the webhook
/// sends its signal here without an account; the optional JSON object body is the signal's data. The token works once.
/// </summary>
internal static class SignalEndpoint
{
    public static void MapSignalResume(this IEndpointRouteBuilder app) =>
        app.MapPost("/signals/{token}", async (string token, HttpRequest request, ProcessRuntime runtime, CancellationToken cancellationToken) =>
        {
            JsonObject? data = null;
            if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
            {
                try
                {
                    data = await JsonSerializer.DeserializeAsync<JsonObject>(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException ex)
                {
                    return Results.BadRequest(new { error = $"The body must be a JSON object (the signal's data): {ex.Message}" });
                }
            }

            var result = await runtime.SignalWithTokenAsync(token, data, cancellationToken).ConfigureAwait(false);
            return result.Error switch
            {
                null => Results.Ok(new { instanceId = result.Value!.InstanceId, status = result.Value.InstanceStatus, positions = result.Value.Positions }),
                { Kind: RuntimeErrorKind.NotFound } e => Results.NotFound(new { error = e.Message }),
                { Kind: RuntimeErrorKind.Forbidden } e => Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status403Forbidden),
                { } e => Results.Conflict(new { error = e.Message }),
            };
        });
}
