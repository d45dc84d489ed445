using LowCode.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace LowCode.GraphQL.AspNetCore;

/// <summary>
/// Settings of one GraphQL endpoint: what it accepts over HTTP and WebSocket, its limits, and the GraphiQL page.
/// Defaults are safe for a public endpoint; see docs/graphql-http.md.
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The key under which a WebSocket connection's <c>connection_init</c> payload appears in <see cref="RequestContext.Items"/>.</summary>
    public const string ConnectionInitPayloadKey = "graphql-transport-ws.connectionInitPayload";

    /// <summary>The key under which the current <see cref="HttpContext"/> appears in <see cref="RequestContext.Items"/>.</summary>
    public const string HttpContextKey = "aspnetcore.httpContext";

    /// <summary>
    /// An HTML file (absolute, or relative to the content root) served to a <c>GET</c> whose <c>Accept</c> header
    /// prefers <c>text/html</c>, such as a browser opening the endpoint. Null (the default) serves no page.
    /// </summary>
    public string? GraphiQLPagePath { get; set; }

    /// <summary>Whether queries may be sent as <c>GET</c> with URL parameters. Mutations are never run over GET.</summary>
    public bool EnableGetRequests { get; set; } = true;

    /// <summary>Whether the endpoint accepts WebSocket connections speaking <c>graphql-transport-ws</c>.</summary>
    public bool EnableWebSockets { get; set; } = true;

    /// <summary>How long a WebSocket client has to send <c>connection_init</c> before the server closes with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The largest POST body or WebSocket message accepted, in bytes (larger ones get 413 or close 1009).</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>Called for every operation (HTTP request or WebSocket subscribe) to add host items, such as the user, to the context.</summary>
    public Action<HttpContext, RequestContext>? ConfigureRequestContext { get; set; }

    /// <summary>
    /// Called when a WebSocket client sends <c>connection_init</c>, with its payload (null when absent). Return false to
    /// refuse the connection (close 4403 Forbidden); true acknowledges it.
    /// </summary>
    public Func<HttpContext, IReadOnlyDictionary<string, object?>?, CancellationToken, ValueTask<bool>>? OnConnectionInit { get; set; }

    internal GraphQLHttpOptions Clone() => (GraphQLHttpOptions)MemberwiseClone();

    internal void Validate()
    {
        if (ConnectionInitTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"GraphQLHttpOptions.ConnectionInitTimeout must be positive, but it is {ConnectionInitTimeout}.");
        }

        if (MaxRequestBodySize <= 0 || MaxRequestBodySize > int.MaxValue)
        {
            throw new InvalidOperationException(
                $"GraphQLHttpOptions.MaxRequestBodySize must be between 1 and {int.MaxValue} bytes, but it is {MaxRequestBodySize}.");
        }
    }
}
