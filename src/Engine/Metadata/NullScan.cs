using System.Text;
using System.Text.Json;
using LowCode.Engine.Validation;

namespace LowCode.Engine.Metadata;

/// <summary>
/// Finds a null where the model has none: inside a list, or as a value of a map such as <c>transitions</c>.
/// System.Text.Json applies nullability to properties only, so without this a <c>[null]</c> would reach the
/// validators as a missing object. Literal values (<c>value</c>, <c>default</c>) may hold nulls and are skipped.
/// The text is read token by token so the problem carries the null's line and column, counted as the serializer
/// counts them for its own read errors (1-based; columns in UTF-8 bytes).
/// </summary>
internal static class NullScan
{
    private static readonly HashSet<string> LiteralProperties = new(StringComparer.Ordinal) { "value", "default" };
    private static readonly HashSet<string> MapProperties = new(StringComparer.Ordinal) { "transitions", "headers" };

    public static ValidationProblem? FindMisplacedNull(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            var problem = Scan(ref reader, utf8);
            if (problem is not null)
            {
                // Malformed text after the null is the serializer's to report, with its own line and column.
                while (reader.Read())
                {
                }
            }

            return problem;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ValidationProblem? Scan(ref Utf8JsonReader reader, byte[] utf8)
    {
        var containers = new Stack<Container>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var owner = containers.Peek();
                    var name = reader.GetString()!;
                    var property = owner.Path.Property(name);
                    reader.Read();
                    if (owner.IsMap && reader.TokenType == JsonTokenType.Null)
                    {
                        return At(reader, utf8, property, $"'{name}' cannot be null here. Give it a value or remove the entry.");
                    }

                    if (LiteralProperties.Contains(name))
                    {
                        reader.Skip();
                    }
                    else
                    {
                        Enter(ref reader, containers, property, MapProperties.Contains(name));
                    }

                    break;
                default:
                    if (containers.TryPeek(out var list) && list.IsArray)
                    {
                        var item = list.Path.Index(list.Count++);
                        if (reader.TokenType == JsonTokenType.Null)
                        {
                            return At(reader, utf8, item, "A list here cannot hold null. Remove the null entry or replace it with a value.");
                        }

                        Enter(ref reader, containers, item, isMap: false);
                    }
                    else
                    {
                        Enter(ref reader, containers, JsonPath.Root, isMap: false);
                    }

                    break;
            }
        }

        return null;
    }

    private static void Enter(ref Utf8JsonReader reader, Stack<Container> containers, string path, bool isMap)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            containers.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray, isMap));
        }
    }

    private static ValidationProblem At(Utf8JsonReader reader, byte[] utf8, string path, string message)
    {
        var offset = (int)reader.TokenStartIndex;
        var lineStart = Array.LastIndexOf(utf8, (byte)'\n', Math.Max(offset - 1, 0)) + 1;
        var line = 1 + utf8.AsSpan(0, lineStart).Count((byte)'\n');
        return new ValidationProblem(path, message, "json.nullNotAllowed") { Line = line, Column = offset - lineStart + 1 };
    }

    private sealed class Container(string path, bool isArray, bool isMap)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public bool IsMap { get; } = isMap;

        public int Count { get; set; }
    }
}
