using System.Buffers;
using System.Text.Json;
using LowCode.GraphQL.AspNetCore.Serialization;
using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.AspNetCore.WebSockets;

/// <summary>Serialises the server's <c>graphql-transport-ws</c> messages to UTF-8 JSON.</summary>
internal static class TransportWsMessageWriter
{
    public static byte[] ConnectionAck() => Write(TransportWsMessageTypes.ConnectionAck, null, static _ => { });

    public static byte[] Pong(IReadOnlyDictionary<string, object?>? payload) =>
        Write(TransportWsMessageTypes.Pong, null, writer =>
        {
            if (payload is not null)
            {
                writer.WritePropertyName("payload");
                ExecutionResultSerializer.WriteValue(writer, payload);
            }
        });

    public static byte[] Next(string id, ExecutionResult result) =>
        Write(TransportWsMessageTypes.Next, id, writer =>
        {
            writer.WritePropertyName("payload");
            ExecutionResultSerializer.Write(writer, result);
        });

    public static byte[] Error(string id, IReadOnlyList<GraphQLError> errors) =>
        Write(TransportWsMessageTypes.Error, id, writer =>
        {
            writer.WriteStartArray("payload");
            foreach (var error in errors)
            {
                ExecutionResultSerializer.WriteError(writer, error);
            }

            writer.WriteEndArray();
        });

    public static byte[] Complete(string id) => Write(TransportWsMessageTypes.Complete, id, static _ => { });

    private static byte[] Write(string type, string? id, Action<Utf8JsonWriter> payload)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, TransportJson.WriterOptions))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            payload(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
