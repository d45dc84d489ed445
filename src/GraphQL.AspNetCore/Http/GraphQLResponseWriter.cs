using System.Text.Json;
using LowCode.GraphQL.AspNetCore.Serialization;
using LowCode.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace LowCode.GraphQL.AspNetCore.Http;

/// <summary>Writes GraphQL responses and transport errors with the negotiated media type, always UTF-8.</summary>
internal static class GraphQLResponseWriter
{
    private const string GraphQLResponseJsonContentType = "application/graphql-response+json; charset=utf-8";
    private const string JsonContentType = "application/json; charset=utf-8";

    public static Task WriteResultAsync(HttpContext context, int statusCode, ResponseMediaType mediaType, ExecutionResult result)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType(mediaType);
        using (var writer = new Utf8JsonWriter(response.BodyWriter, TransportJson.WriterOptions))
        {
            ExecutionResultSerializer.Write(writer, result);
        }

        return response.BodyWriter.FlushAsync(context.RequestAborted).AsTask();
    }

    public static Task WriteErrorAsync(HttpContext context, ResponseMediaType mediaType, TransportError error)
    {
        var result = new ExecutionResult
        {
            Errors = [new GraphQLError(error.Message, Extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = error.Code })],
        };
        return WriteResultAsync(context, error.StatusCode, mediaType, result);
    }

    private static string ContentType(ResponseMediaType mediaType) =>
        mediaType == ResponseMediaType.GraphQLResponseJson ? GraphQLResponseJsonContentType : JsonContentType;
}
