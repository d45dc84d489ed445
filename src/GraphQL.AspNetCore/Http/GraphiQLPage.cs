using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LowCode.GraphQL.AspNetCore.Http;

/// <summary>Serves the host's GraphiQL HTML file to browsers.</summary>
internal sealed class GraphiQLPage(string configuredPath, ILogger logger)
{
    public async Task ServeAsync(HttpContext context)
    {
        var path = Resolve(context);
        if (!File.Exists(path))
        {
            logger.LogError("GraphQLHttpOptions.GraphiQLPagePath points at {Path}, which does not exist.", path);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "The GraphiQL page is not available on this server (its file is missing; see the server log).", context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.SendFileAsync(path, context.RequestAborted).ConfigureAwait(false);
    }

    private string Resolve(HttpContext context)
    {
        if (Path.IsPathRooted(configuredPath))
        {
            return configuredPath;
        }

        var root = context.RequestServices.GetService<IWebHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
        return Path.GetFullPath(Path.Combine(root, configuredPath));
    }
}
