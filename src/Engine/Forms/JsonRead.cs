using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowCode.Engine.Forms;

/// <summary>
/// Reads JSON primitives whatever backs the node: parsed text, or a CLR value a caller built in memory
/// (<c>JsonValue.Create(5)</c> holds an int, which <c>GetValue&lt;double&gt;</c> refuses).
/// </summary>
internal static class JsonRead
{
    /// <summary>The number of a node whose kind is Number.</summary>
    public static double Number(JsonNode node) =>
        node.AsValue().TryGetValue<double>(out var number)
            ? number
            : double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The text of a node whose kind is String.</summary>
    public static string Text(JsonNode node) =>
        node.AsValue().TryGetValue<string>(out var text)
            ? text
            : JsonSerializer.Deserialize<string>(node.ToJsonString()) ?? string.Empty;
}
