using System.Text.Json;
using LowCode.Api.GraphQL;
using Microsoft.AspNetCore.Authentication;

namespace LowCode.Api.Identity;

/// <summary>
/// Identity at the GraphQL endpoint. An HTTP request without a valid key or token is answered 401 with one
/// <c>UNAUTHENTICATED</c> error before GraphQL sees it (so anonymous introspection is refused too); the GraphiQL
/// page itself and WebSocket upgrades pass, and a WebSocket proves itself in <c>connection_init</c>.
/// </summary>
internal static class GraphQLIdentity
{
    public static IApplicationBuilder UseGraphQLIdentity(this IApplicationBuilder app, PathString path) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments(path) || http.WebSockets.IsWebSocketRequest || IsPageRequest(http.Request)
            || http.User.Identity?.IsAuthenticated == true)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        if (await LinkHolders.MayPassAsync(http).ConfigureAwait(false))
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var result = await http.AuthenticateAsync().ConfigureAwait(false);
        var message = result.Failure is { } failure
            ? $"{failure.Message} Send a current key as 'Authorization: Bearer lc_…' (keys list shows which exist), or a valid JWT."
            : "This API needs a signed-in caller: send an API key as 'Authorization: Bearer lc_…' (or 'X-Api-Key'), or a JWT from the identity provider. In GraphiQL, put {\"Authorization\": \"Bearer lc_…\"} in the Headers tab.";
        await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, OperationRules.Unauthenticated, message).ConfigureAwait(false);
    });

    /// <summary>
    /// For <c>GraphQLHttpOptions.OnConnectionInit</c>: a socket whose upgrade request was authenticated is accepted;
    /// otherwise the payload's <c>Authorization</c> (<c>Bearer lc_…</c>) or <c>apiKey</c> must hold a valid key.
    /// </summary>
    public static async ValueTask<bool> AcceptConnectionAsync(HttpContext http, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken)
    {
        if (ApiPrincipal.From(http.User) is { } fromHeaders)
        {
            http.Items[ApiUser.ItemKey] = fromHeaders;
            return true;
        }

        var token = Text(payload, "Authorization") is { } authorization
            ? ApiKeyAuthenticationHandler.BearerToken(authorization) ?? authorization
            : Text(payload, "apiKey") ?? Text(payload, ApiKeyAuthenticationHandler.HeaderName);
        if (token is null)
        {
            return false;
        }

        var principal = await http.RequestServices.GetRequiredService<ApiKeyStore>().AuthenticateAsync(token, cancellationToken).ConfigureAwait(false);
        if (principal is null)
        {
            return false;
        }

        http.Items[ApiUser.ItemKey] = principal;
        return true;
    }

    /// <summary>Answers with a GraphQL response that holds one error with <paramref name="code"/>, in the media type the client accepts.</summary>
    public static async Task WriteErrorAsync(HttpContext http, int status, string code, string message, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            extensions[key] = value;
        }

        http.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        var accept = http.Request.Headers.Accept.ToString();
        http.Response.ContentType = accept.Contains("application/graphql-response+json", StringComparison.OrdinalIgnoreCase)
            ? "application/graphql-response+json; charset=utf-8"
            : "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new { errors = new[] { new { message, extensions } } }, cancellationToken: http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A browser opening the endpoint: a GET that prefers HTML and carries no query gets the GraphiQL page.</summary>
    private static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Query.ContainsKey("query")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static string? Text(IReadOnlyDictionary<string, object?>? payload, string name)
    {
        if (payload is null)
        {
            return null;
        }

        var entry = payload.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        return entry.Value switch
        {
            string s when s.Trim().Length > 0 => s.Trim(),
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            _ => null,
        };
    }
}
