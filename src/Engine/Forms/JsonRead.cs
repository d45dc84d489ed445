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
    /// <summary>
    /// The number of a node whose kind is Number, from any numeric type a host may have put behind it.
    /// A value no JSON text can hold (a float NaN) reads as NaN, which fails no range check, rather than throwing.
    /// </summary>
    public static double Number(JsonNode node)
    {
        if (!node.AsValue().TryGetValue<object>(out var backing))
        {
            return Parse(node);
        }

        return backing switch
        {
            double d => d,
            float f => f,
            decimal m => (double)m,
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            sbyte sb => sb,
            uint ui => ui,
            ulong ul => ul,
            ushort us => us,
            Half h => (double)h,
            Int128 big => (double)big,
            UInt128 ubig => (double)ubig,
            JsonElement { ValueKind: JsonValueKind.Number } element => element.GetDouble(),
            _ => Parse(node),
        };
    }

    /// <summary>The text of a node whose kind is String.</summary>
    public static string Text(JsonNode node) =>
        node.AsValue().TryGetValue<string>(out var text)
            ? text
            : JsonSerializer.Deserialize<string>(node.ToJsonString()) ?? string.Empty;

    private static double Parse(JsonNode node) =>
        double.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;
}
