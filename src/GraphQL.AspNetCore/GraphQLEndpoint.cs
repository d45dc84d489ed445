using LowCode.GraphQL.AspNetCore.Http;
using LowCode.GraphQL.AspNetCore.WebSockets;
using LowCode.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace LowCode.GraphQL.AspNetCore;

/// <summary>
/// The request delegate behind one mapped GraphQL path: routes a request to the WebSocket session, the GraphiQL
/// page or the HTTP handler, and answers any other method with 405.
/// </summary>
internal sealed class GraphQLEndpoint
{
    private const string AllowedMethods = "GET, POST";

    private readonly GraphQLHttpOptions _options;
    private readonly Func<HttpContext, IRequestExecutor> _executor;
    private readonly GraphQLHttpHandler _http;
    private readonly GraphQLWebSocketHandler _webSockets;
    private readonly GraphiQLPage? _graphiQL;
    private readonly ILogger _logger;

    public GraphQLEndpoint(GraphQLHttpOptions options, Func<HttpContext, IRequestExecutor> executor, ILogger logger)
    {
        options.Validate();
        _options = options;
        _executor = executor;
        _logger = logger;
        _http = new GraphQLHttpHandler(options, logger);
        _webSockets = new GraphQLWebSocketHandler(options, logger);
        _graphiQL = options.GraphiQLPagePath is { Length: > 0 } page ? new GraphiQLPage(page, logger) : null;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (isGet && context.WebSockets.IsWebSocketRequest)
        {
            return _options.EnableWebSockets
                ? _webSockets.HandleAsync(context, _executor(context))
                : GraphQLResponseWriter.WriteErrorAsync(context, ResponseMediaType.Json, TransportError.BadRequest(
                    TransportErrorCodes.WebSocketsDisabled,
                    "This endpoint does not accept WebSocket connections. Send queries and mutations over HTTP."));
        }

        if (isGet && _options.EnableWebSockets && IsUnservedUpgrade(context))
        {
            _logger.LogError("A WebSocket upgrade reached the GraphQL endpoint but the host never called app.UseWebSockets().");
            return GraphQLResponseWriter.WriteErrorAsync(context, ResponseMediaType.Json, new TransportError(
                StatusCodes.Status500InternalServerError, TransportErrorCodes.InternalServerError,
                "This server is not set up for WebSocket connections (the host must call app.UseWebSockets())."));
        }

        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            return MethodNotAllowedAsync(context, AllowedMethods, $"The method {request.Method} is not supported. Use GET for queries or POST.");
        }

        // The response depends on Accept (page or JSON, and which JSON), so caches must key on it.
        context.Response.Headers.Vary = "Accept";
        var accept = AcceptNegotiation.FromHeader(request.Headers.Accept);
        if (isGet && _graphiQL is not null && accept.PrefersHtml)
        {
            return _graphiQL.ServeAsync(context);
        }

        if (isGet && !_options.EnableGetRequests)
        {
            return MethodNotAllowedAsync(context, HttpMethods.Post, "This endpoint does not accept GET requests. Send the request as a POST with a JSON body.");
        }

        return _http.HandleAsync(context, accept, _executor(context));
    }

    private static bool IsUnservedUpgrade(HttpContext context) =>
        context.Features.Get<IHttpWebSocketFeature>() is null
        && context.Request.Headers.Upgrade.ToString().Equals("websocket", StringComparison.OrdinalIgnoreCase);

    private static Task MethodNotAllowedAsync(HttpContext context, string allow, string message)
    {
        context.Response.Headers.Allow = allow;
        var mediaType = AcceptNegotiation.FromHeader(context.Request.Headers.Accept).MediaType ?? ResponseMediaType.Json;
        return GraphQLResponseWriter.WriteErrorAsync(context, mediaType,
            new TransportError(StatusCodes.Status405MethodNotAllowed, TransportErrorCodes.MethodNotAllowed, message));
    }
}
