using System.Text.Encodings.Web;
using System.Text.Json;

namespace LowCode.GraphQL.AspNetCore.Serialization;

/// <summary>How the transport writes JSON (responses and WebSocket messages, through LowCode.GraphQL's serializer).</summary>
internal static class TransportJson
{
    /// <summary>
    /// Responses are JSON documents, never embedded in HTML, so only what JSON itself requires is escaped
    /// (<c>&lt;EOF&gt;</c> and non-ASCII names stay as graphql-js prints them). The serializer writes well-formed
    /// JSON by construction, so the writer's own checks are skipped on this hot path.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };
}
