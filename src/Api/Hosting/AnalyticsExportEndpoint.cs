using System.Collections.Immutable;
using System.Globalization;
using LowCode.Api.GraphQL;
using LowCode.Api.Identity;
using LowCode.Engine.Analytics;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;

namespace LowCode.Api.Hosting;

/// <summary>
/// <c>GET /analytics/export?process=…&amp;from=…&amp;to=…&amp;format=xes|csv&amp;attributes=a,b</c>: the event log of one process
/// as XES or CSV, streamed as it is read. Needs the analyst or admin permission; bad parameters get a 400 that names
/// the parameter and how to fix it.
/// </summary>
internal static class AnalyticsExportEndpoint
{
    public static IEndpointRouteBuilder MapAnalyticsExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/analytics/export", async (HttpContext http, EventLogExport export, IDefinitionStore definitions, CancellationToken cancellationToken) =>
        {
            if (!AnalyticsAccess.Allows(ApiPrincipal.From(http.User)))
            {
                return Results.Json(new { error = AnalyticsAccess.Denied }, statusCode: StatusCodes.Status403Forbidden);
            }

            var (request, problem) = Parse(http.Request.Query);
            if (request is null)
            {
                return Results.BadRequest(new { error = problem!.Value.Message, parameter = problem.Value.Parameter });
            }

            if (await definitions.GetAsync(DefinitionKind.Process, request.Window.ProcessKey, null, cancellationToken).ConfigureAwait(false) is null)
            {
                return Results.NotFound(new { error = $"No published process has the key '{request.Window.ProcessKey}'.", parameter = "process" });
            }

            var (contentType, extension) = request.Format == ExportFormat.Xes ? ("application/xml; charset=utf-8", "xes") : ("text/csv; charset=utf-8", "csv");
            http.Response.ContentType = contentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{request.Window.ProcessKey}.{extension}\"";
            await export.WriteAsync(request, http.Response.Body, cancellationToken).ConfigureAwait(false);
            return Results.Empty;
        });
        return endpoints;
    }

    private static (ExportRequest? Request, (string Parameter, string Message)? Problem) Parse(IQueryCollection query)
    {
        var process = query["process"].ToString();
        if (process.Length == 0)
        {
            return (null, ("process", "Name the process to export, e.g. ?process=expense-approval."));
        }

        if (!Instant(query, "from", out var from, out var fromProblem))
        {
            return (null, fromProblem);
        }

        if (!Instant(query, "to", out var to, out var toProblem))
        {
            return (null, toProblem);
        }

        var format = query["format"].ToString().ToUpperInvariant() switch
        {
            "" or "XES" => ExportFormat.Xes,
            "CSV" => ExportFormat.Csv,
            _ => (ExportFormat?)null,
        };
        if (format is null)
        {
            return (null, ("format", $"The format '{query["format"]}' is not known; use xes or csv."));
        }

        ImmutableArray<string> attributes = [.. query["attributes"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        var request = new ExportRequest(new AnalyticsWindow(process, from, to), format.Value, attributes);
        if (request.Window.Problem() is { } window)
        {
            return (null, ("to", window));
        }

        return request.Problem() is { } problem ? (null, ("attributes", problem)) : (request, null);
    }

    private static bool Instant(IQueryCollection query, string name, out DateTimeOffset value, out (string, string)? problem)
    {
        problem = null;
        if (DateTimeOffset.TryParse(query[name].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        problem = (name, $"'{name}' must be an ISO 8601 instant such as 2026-03-01T00:00:00Z; got '{query[name]}'.");
        return false;
    }
}
