using System.Buffers;
using System.Text;
using System.Text.Json;
using LowCode.GraphQL.AspNetCore.Serialization;
using LowCode.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace LowCode.GraphQL.AspNetCore.Http;

/// <summary>
/// Reads the request parameters of GraphQL-over-HTTP §5 (query, operationName, variables, extensions) from a
/// JSON body or from URL parameters, and says precisely what is wrong with a malformed one.
/// </summary>
internal static class GraphQLRequestReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128 };

    public static bool TryReadBody(ReadOnlySequence<byte> body, out GraphQLRequest request, out TransportError? error)
    {
        request = null!;
        if (body.IsEmpty)
        {
            error = TransportError.BadRequest(TransportErrorCodes.EmptyBody,
                "The request body is empty. Send a JSON object such as {\"query\": \"{ __typename }\"}.");
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            error = TransportError.BadRequest(TransportErrorCodes.InvalidJson,
                $"The request body is not valid JSON{Where(ex)}: {Reason(ex)}");
            return false;
        }

        using (document)
        {
            try
            {
                return TryReadParameters(document.RootElement, "The request body", out request, out error);
            }
            catch (InvalidOperationException ex) when (ex.InnerException is DecoderFallbackException)
            {
                // JsonDocument checks structure, not the bytes inside strings; reading them is where bad UTF-8 shows.
                error = TransportError.BadRequest(TransportErrorCodes.InvalidJson,
                    "The request body is not valid UTF-8: a string in it holds bytes that are not UTF-8. Encode the body as UTF-8.");
                return false;
            }
        }
    }

    /// <summary>Reads a <c>graphql-transport-ws</c> subscribe payload, which has the same shape as a POST body.</summary>
    public static bool TryReadParameters(JsonElement root, string subject, out GraphQLRequest request, out TransportError? error)
    {
        request = null!;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = TransportError.BadRequest(TransportErrorCodes.InvalidParameter,
                $"{subject} must be a JSON object with a \"query\" string, but it is {Describe(root.ValueKind)}.");
            return false;
        }

        string? query = null;
        string? operationName = null;
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;
        var hasQuery = false;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "query":
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        error = InvalidType("query", value.ValueKind, "a string holding the GraphQL document");
                        return false;
                    }

                    query = value.GetString();
                    hasQuery = true;
                    break;
                case "operationName":
                    if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        error = InvalidType("operationName", value.ValueKind, "a string naming an operation of the document, or null");
                        return false;
                    }

                    operationName = value.GetString();
                    break;
                case "variables":
                    if (!TryReadMap("variables", value, "a JSON object mapping variable names to values, or null", out variables, out error))
                    {
                        return false;
                    }

                    break;
                case "extensions":
                    if (!TryReadMap("extensions", value, "a JSON object, or null", out extensions, out error))
                    {
                        return false;
                    }

                    break;
                default:
                    // Unknown parameters are ignored, so clients may send vendor fields (spec §5.1 reserves none).
                    break;
            }
        }

        if (!hasQuery)
        {
            error = TransportError.BadRequest(TransportErrorCodes.MissingQuery,
                "The request has no \"query\" parameter. Send the GraphQL document as a string in \"query\".");
            return false;
        }

        request = new GraphQLRequest(query, operationName, variables, extensions);
        error = null;
        return true;
    }

    public static bool TryReadQueryString(IQueryCollection parameters, out GraphQLRequest request, out TransportError? error)
    {
        request = null!;
        if (!TryGetSingle(parameters, "query", out var query, out error)
            || !TryGetSingle(parameters, "operationName", out var operationName, out error)
            || !TryGetSingle(parameters, "variables", out var variablesText, out error)
            || !TryGetSingle(parameters, "extensions", out var extensionsText, out error))
        {
            return false;
        }

        if (query is null)
        {
            error = TransportError.BadRequest(TransportErrorCodes.MissingQuery,
                "The request has no \"query\" URL parameter. Send the GraphQL document URL-encoded, as in ?query=%7B__typename%7D.");
            return false;
        }

        if (!TryParseJsonParameter("variables", variablesText, "a JSON object mapping variable names to values", out var variables, out error)
            || !TryParseJsonParameter("extensions", extensionsText, "a JSON object", out var extensions, out error))
        {
            return false;
        }

        request = new GraphQLRequest(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions);
        return true;
    }

    private static bool TryGetSingle(IQueryCollection parameters, string name, out string? value, out TransportError? error)
    {
        error = null;
        value = null;
        if (!parameters.TryGetValue(name, out var values) || values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1)
        {
            error = TransportError.BadRequest(TransportErrorCodes.InvalidParameter,
                $"The \"{name}\" URL parameter appears {values.Count} times. Send it once.");
            return false;
        }

        value = values[0];
        return true;
    }

    private static bool TryParseJsonParameter(
        string name, string? text, string expected, out IReadOnlyDictionary<string, object?>? map, out TransportError? error)
    {
        map = null;
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            return TryReadMap(name, document.RootElement, expected, out map, out error);
        }
        catch (JsonException ex)
        {
            error = TransportError.BadRequest(TransportErrorCodes.InvalidJson,
                $"The \"{name}\" URL parameter must be {expected}, URL-encoded, but it is not valid JSON{Where(ex)}: {Reason(ex)}");
            return false;
        }
    }

    private static bool TryReadMap(
        string name, JsonElement value, string expected, out IReadOnlyDictionary<string, object?>? map, out TransportError? error)
    {
        map = null;
        error = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Object:
                map = JsonToClr.ConvertObject(value);
                return true;
            default:
                error = InvalidType(name, value.ValueKind, expected);
                return false;
        }
    }

    private static TransportError InvalidType(string name, JsonValueKind kind, string expected) =>
        TransportError.BadRequest(TransportErrorCodes.InvalidParameter,
            $"The \"{name}\" parameter must be {expected}, but it is {Describe(kind)}.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    private static string Where(JsonException ex) =>
        ex.LineNumber is { } line && ex.BytePositionInLine is { } position
            ? $" (line {line + 1}, byte {position + 1})"
            : string.Empty;

    // System.Text.Json appends its own zero-based position ("LineNumber: 0 | BytePositionInLine: 2."); we report one-based.
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
