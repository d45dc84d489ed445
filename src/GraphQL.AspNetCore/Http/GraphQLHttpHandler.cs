using LowCode.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace LowCode.GraphQL.AspNetCore.Http;

/// <summary>
/// Serves GraphQL over HTTP (GET and POST) as the GraphQL-over-HTTP spec lays out: media-type negotiation,
/// parameter checks, and the status code that goes with each kind of result.
/// </summary>
internal sealed class GraphQLHttpHandler(GraphQLHttpOptions options, ILogger logger)
{
    private static readonly IReadOnlySet<OperationKind> GetOperations = new HashSet<OperationKind> { OperationKind.Query };
    private static readonly IReadOnlySet<OperationKind> PostOperations = new HashSet<OperationKind> { OperationKind.Query, OperationKind.Mutation };

    public async Task HandleAsync(HttpContext context, AcceptNegotiation accept, IRequestExecutor executor)
    {
        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (accept.MediaType is not { } mediaType)
        {
            await GraphQLResponseWriter.WriteErrorAsync(context, ResponseMediaType.Json, new TransportError(
                StatusCodes.Status406NotAcceptable, TransportErrorCodes.NotAcceptable,
                $"The Accept header \"{context.Request.Headers.Accept}\" allows no media type this endpoint produces. "
                + $"Accept {AcceptNegotiation.GraphQLResponseJson} or {AcceptNegotiation.Json}.")).ConfigureAwait(false);
            return;
        }

        GraphQLRequest request;
        TransportError? error;
        if (isGet)
        {
            GraphQLRequestReader.TryReadQueryString(context.Request.Query, out request, out error);
        }
        else
        {
            (request, error) = await ReadPostAsync(context).ConfigureAwait(false);
        }

        if (error is not null)
        {
            await GraphQLResponseWriter.WriteErrorAsync(context, mediaType, error).ConfigureAwait(false);
            return;
        }

        var requestContext = RequestContextFactory.Create(context, options, isGet ? GetOperations : PostOperations);
        ExecutionResult result;
        try
        {
            result = await executor.ExecuteAsync(request, requestContext, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // The executor promises not to throw; if it does anyway the client still gets a spec-shaped 500.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "The GraphQL executor threw while running a request.");
            await GraphQLResponseWriter.WriteErrorAsync(context, mediaType, new TransportError(
                StatusCodes.Status500InternalServerError, TransportErrorCodes.InternalServerError,
                "The server failed while running the request. The error has been logged.")).ConfigureAwait(false);
            return;
        }

        if (result.Stream is { } stream)
        {
            // The executor should have refused it through AllowedOperations; end the stream rather than leak it.
            await stream.GetAsyncEnumerator().DisposeAsync().ConfigureAwait(false);
            await GraphQLResponseWriter.WriteErrorAsync(context, mediaType, SubscriptionNotSupported()).ConfigureAwait(false);
            return;
        }

        if (result.IsRequestError && IsOperationNotAllowed(result))
        {
            if (isGet)
            {
                context.Response.Headers.Allow = HttpMethods.Post;
                await GraphQLResponseWriter.WriteErrorAsync(context, mediaType, new TransportError(
                    StatusCodes.Status405MethodNotAllowed, TransportErrorCodes.OperationNotAllowed,
                    "GET requests may only run queries. Send mutations as a POST with a JSON body.")).ConfigureAwait(false);
            }
            else
            {
                await GraphQLResponseWriter.WriteErrorAsync(context, mediaType, SubscriptionNotSupported()).ConfigureAwait(false);
            }

            return;
        }

        // Spec §6.4: application/json answers 200 for every well-formed request; the newer media type
        // answers a request error (nothing executed) with 400.
        var status = result.IsRequestError && mediaType == ResponseMediaType.GraphQLResponseJson
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        await GraphQLResponseWriter.WriteResultAsync(context, status, mediaType, result).ConfigureAwait(false);
    }

    private async Task<(GraphQLRequest Request, TransportError? Error)> ReadPostAsync(HttpContext context)
    {
        if (CheckContentType(context.Request.ContentType) is { } contentTypeError)
        {
            return (null!, contentTypeError);
        }

        try
        {
            return await RequestBodyReader.ReadAsync(
                context,
                options.MaxRequestBodySize,
                body => GraphQLRequestReader.TryReadBody(body, out var request, out var error) ? (request, null) : (request, error),
                () => ((GraphQLRequest)null!, (TransportError?)new TransportError(
                    StatusCodes.Status413PayloadTooLarge, TransportErrorCodes.RequestTooLarge,
                    $"The request body is larger than this endpoint accepts ({options.MaxRequestBodySize} bytes).")))
                .ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // The server refused the body itself (a malformed chunked body, or Kestrel's own size limit).
            var code = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? TransportErrorCodes.RequestTooLarge : TransportErrorCodes.InvalidBody;
            return (null!, new TransportError(ex.StatusCode, code, $"The request body could not be read: {ex.Message}"));
        }
    }

    private static TransportError? CheckContentType(string? contentType)
    {
        const string Fix = "Send the request as JSON with Content-Type: application/json.";
        if (string.IsNullOrEmpty(contentType))
        {
            return new TransportError(StatusCodes.Status415UnsupportedMediaType, TransportErrorCodes.UnsupportedMediaType,
                $"The POST request has no Content-Type header. {Fix}");
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals(AcceptNegotiation.Json, StringComparison.OrdinalIgnoreCase))
        {
            return new TransportError(StatusCodes.Status415UnsupportedMediaType, TransportErrorCodes.UnsupportedMediaType,
                $"The Content-Type \"{contentType}\" is not supported. {Fix}");
        }

        if (parsed.Charset.HasValue
            && !parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !parsed.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return new TransportError(StatusCodes.Status415UnsupportedMediaType, TransportErrorCodes.UnsupportedMediaType,
                $"The charset \"{parsed.Charset}\" is not supported. Encode the body as UTF-8 (charset=utf-8).");
        }

        return null;
    }

    private static bool IsOperationNotAllowed(ExecutionResult result)
    {
        foreach (var error in result.Errors)
        {
            if (error.Extensions is { } extensions
                && extensions.TryGetValue("code", out var code)
                && code is string text
                && text == TransportErrorCodes.OperationNotAllowed)
            {
                return true;
            }
        }

        return false;
    }

    private static TransportError SubscriptionNotSupported() => TransportError.BadRequest(
        TransportErrorCodes.SubscriptionNotSupported,
        "Subscriptions are not served over plain HTTP. Open a WebSocket to this endpoint with the graphql-transport-ws subprotocol.");
}
