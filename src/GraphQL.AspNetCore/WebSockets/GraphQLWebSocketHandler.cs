using System.Net.WebSockets;
using LowCode.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LowCode.GraphQL.AspNetCore.WebSockets;

/// <summary>Accepts a WebSocket upgrade and runs a <c>graphql-transport-ws</c> session on it.</summary>
internal sealed class GraphQLWebSocketHandler(GraphQLHttpOptions options, ILogger logger)
{
    public async Task HandleAsync(HttpContext context, IRequestExecutor executor)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(TransportWsCloseCodes.Subprotocol, StringComparer.Ordinal))
        {
            // As the reference server does: accept, then say why in the close frame, which every client can show.
            using var refused = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await refused.CloseAsync(
                    (WebSocketCloseStatus)TransportWsCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", timeout.Token)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                logger.LogDebug(ex, "The WebSocket went away while being refused for its subprotocol.");
            }

            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(TransportWsCloseCodes.Subprotocol).ConfigureAwait(false);
        using var session = new GraphQLWebSocketSession(socket, context, executor, options, logger);
        await session.RunAsync().ConfigureAwait(false);
    }
}
