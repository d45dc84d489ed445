using System.Globalization;
using System.Text.Json;

namespace LowCode.Engine.Tests.Seed;

/// <summary>
/// Compares two JSON documents by meaning: property order and whitespace do not matter, numbers compare by value.
/// Returns where they first differ, so a failing round-trip says what changed.
/// </summary>
internal static class JsonComparison
{
    public static string? FirstDifference(string expected, string actual)
    {
        using var left = JsonDocument.Parse(expected, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        using var right = JsonDocument.Parse(actual);
        return Compare(left.RootElement, right.RootElement, "$");
    }

    private static string? Compare(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind && !(IsBoolean(expected) && IsBoolean(actual)))
        {
            return $"{path}: expected {Describe(expected)} but found {Describe(actual)}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var property in actual.EnumerateObject())
                {
                    if (!names.Contains(property.Name))
                    {
                        return $"{path}.{property.Name}: not in the file but written as {Describe(property.Value)}";
                    }
                }

                foreach (var property in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var other))
                    {
                        return $"{path}.{property.Name}: in the file as {Describe(property.Value)} but not written (a default value, or not part of the model)";
                    }

                    if (Compare(property.Value, other, $"{path}.{property.Name}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: expected {expected.GetArrayLength()} items but found {actual.GetArrayLength()}";
                }

                var i = 0;
                foreach (var (a, b) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    if (Compare(a, b, $"{path}[{i++}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Number:
                return expected.GetDecimal() == actual.GetDecimal() ? null : $"{path}: expected {expected.GetRawText()} but found {actual.GetRawText()}";
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: expected \"{expected.GetString()}\" but found \"{actual.GetString()}\"";
            default:
                return expected.ValueKind == actual.ValueKind ? null : $"{path}: expected {Describe(expected)} but found {Describe(actual)}";
        }
    }

    private static bool IsBoolean(JsonElement element) => element.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => string.Create(CultureInfo.InvariantCulture, $"a list of {element.GetArrayLength()}"),
        _ => element.GetRawText(),
    };
}
