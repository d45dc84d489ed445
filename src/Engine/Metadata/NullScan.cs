using System.Text.Json;
using LowCode.Engine.Validation;

namespace LowCode.Engine.Metadata;

/// <summary>
/// Finds a null where the model has none: inside a list, or as a value of a map such as <c>transitions</c>.
/// System.Text.Json applies nullability to properties only, so without this a <c>[null]</c> would reach the
/// validators as a missing object. Literal values (<c>value</c>, <c>default</c>) may hold nulls and are skipped.
/// </summary>
internal static class NullScan
{
    private static readonly HashSet<string> LiteralProperties = new(StringComparer.Ordinal) { "value", "default" };
    private static readonly HashSet<string> MapProperties = new(StringComparer.Ordinal) { "transitions", "headers" };

    public static ValidationProblem? FindMisplacedNull(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            // The serializer reports malformed text with line and column; leave that to it.
            return null;
        }

        using (document)
        {
            return Visit(document.RootElement, "$", isMap: false);
        }
    }

    private static ValidationProblem? Visit(JsonElement element, string path, bool isMap)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var at = $"{path}[{index++}]";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        return new ValidationProblem(at, "A list here cannot hold null. Remove the null entry or replace it with a value.", "json.nullNotAllowed");
                    }

                    if (Visit(item, at, isMap: false) is { } problem)
                    {
                        return problem;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var at = path.Property(property.Name);
                    if (isMap && property.Value.ValueKind == JsonValueKind.Null)
                    {
                        return new ValidationProblem(at, $"'{property.Name}' cannot be null here. Give it a value or remove the entry.", "json.nullNotAllowed");
                    }

                    if (!LiteralProperties.Contains(property.Name) && Visit(property.Value, at, MapProperties.Contains(property.Name)) is { } problem)
                    {
                        return problem;
                    }
                }

                break;
        }

        return null;
    }
}
