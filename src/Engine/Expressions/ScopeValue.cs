using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowCode.Engine.Expressions;

/// <summary>One scope variable before conversion; a struct so that primitive variables cost no allocation.</summary>
internal readonly struct ScopeValue
{
    private ScopeValue(ScopeValueKind kind, double number, string? text, JsonElement element, JsonNode? node)
    {
        Kind = kind;
        Number = number;
        Text = text;
        Element = element;
        Node = node;
    }

    public ScopeValueKind Kind { get; }

    public double Number { get; }

    public string? Text { get; }

    public JsonElement Element { get; }

    public JsonNode? Node { get; }

    public static ScopeValue FromNumber(double value) => new(ScopeValueKind.Number, value, null, default, null);

    public static ScopeValue FromBoolean(bool value) => new(ScopeValueKind.Boolean, value ? 1 : 0, null, default, null);

    public static ScopeValue FromText(string value) => new(ScopeValueKind.Text, 0, value, default, null);

    public static ScopeValue FromElement(JsonElement value) => new(ScopeValueKind.Element, 0, null, value, null);

    public static ScopeValue FromNode(JsonNode? value) => value is null ? default : new(ScopeValueKind.Node, 0, null, default, value);
}

internal enum ScopeValueKind
{
    Null,
    Boolean,
    Number,
    Text,
    Element,
    Node,
}
