using System.Globalization;
using System.Text.Json.Nodes;

namespace LowCode.Engine.Expressions;

/// <summary>
/// A plain value returned by an expression: never a script-engine object. Primitives are held without
/// allocation so that boolean conditions stay cheap; arrays and objects are detached JSON nodes.
/// </summary>
public readonly struct ExpressionValue : IEquatable<ExpressionValue>
{
    private readonly bool _boolean;
    private readonly double _number;
    private readonly string? _text;
    private readonly JsonNode? _node;

    private ExpressionValue(ExpressionValueKind kind, bool boolean, double number, string? text, JsonNode? node)
    {
        Kind = kind;
        _boolean = boolean;
        _number = number;
        _text = text;
        _node = node;
    }

    /// <summary>JavaScript <c>undefined</c> (also the default value of this struct).</summary>
    public static ExpressionValue Undefined => default;

    /// <summary>JavaScript <c>null</c>.</summary>
    public static ExpressionValue Null { get; } = new(ExpressionValueKind.Null, false, 0, null, null);

    /// <summary>The kind of value held.</summary>
    public ExpressionValueKind Kind { get; }

    /// <summary>The boolean held; throws when <see cref="Kind"/> is not Boolean (a caller bug: check the kind or ask for <see cref="ExpectedType.Boolean"/>).</summary>
    public bool AsBoolean() => Kind == ExpressionValueKind.Boolean ? _boolean : throw WrongKind(ExpressionValueKind.Boolean);

    /// <summary>The number held.</summary>
    public double AsNumber() => Kind == ExpressionValueKind.Number ? _number : throw WrongKind(ExpressionValueKind.Number);

    /// <summary>The string held.</summary>
    public string AsText() => Kind == ExpressionValueKind.Text ? _text! : throw WrongKind(ExpressionValueKind.Text);

    /// <summary>The array or object held, as a detached JSON node.</summary>
    public JsonNode AsNode() => _node ?? throw WrongKind(ExpressionValueKind.Record);

    /// <summary>The value as a new JSON node (null for undefined and null); handy for storing computed fields.</summary>
    public JsonNode? ToJsonNode() => Kind switch
    {
        ExpressionValueKind.Boolean => JsonValue.Create(_boolean),
        ExpressionValueKind.Number when double.IsFinite(_number) => JsonValue.Create(_number),
        ExpressionValueKind.Text => JsonValue.Create(_text),
        ExpressionValueKind.List or ExpressionValueKind.Record => _node!.DeepClone(),
        _ => null,
    };

    /// <inheritdoc />
    public bool Equals(ExpressionValue other) => Kind == other.Kind && Kind switch
    {
        ExpressionValueKind.Boolean => _boolean == other._boolean,
        ExpressionValueKind.Number => _number.Equals(other._number),
        ExpressionValueKind.Text => string.Equals(_text, other._text, StringComparison.Ordinal),
        ExpressionValueKind.List or ExpressionValueKind.Record => JsonNode.DeepEquals(_node, other._node),
        _ => true,
    };

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExpressionValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _boolean, _number, _text);

    /// <summary>Value equality.</summary>
    public static bool operator ==(ExpressionValue left, ExpressionValue right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ExpressionValue left, ExpressionValue right) => !left.Equals(right);

    /// <summary>A short description for messages: <c>the string "abc"</c>, <c>null</c>, <c>an array of 3 items</c>.</summary>
    public override string ToString() => Kind switch
    {
        ExpressionValueKind.Undefined => "undefined",
        ExpressionValueKind.Null => "null",
        ExpressionValueKind.Boolean => _boolean ? "true" : "false",
        ExpressionValueKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        ExpressionValueKind.Text => _text!,
        _ => _node!.ToJsonString(),
    };

    internal static ExpressionValue FromBoolean(bool value) => new(ExpressionValueKind.Boolean, value, 0, null, null);

    internal static ExpressionValue FromNumber(double value) => new(ExpressionValueKind.Number, false, value, null, null);

    internal static ExpressionValue FromText(string value) => new(ExpressionValueKind.Text, false, 0, value, null);

    internal static ExpressionValue FromNode(JsonNode node)
        => new(node is JsonArray ? ExpressionValueKind.List : ExpressionValueKind.Record, false, 0, null, node);

    internal string Describe() => Kind switch
    {
        ExpressionValueKind.Undefined => "undefined",
        ExpressionValueKind.Null => "null",
        ExpressionValueKind.Boolean => _boolean ? "the boolean true" : "the boolean false",
        ExpressionValueKind.Number when double.IsNaN(_number) => "NaN (not a number)",
        ExpressionValueKind.Number => "the number " + ToString(),
        ExpressionValueKind.Text => "the string \"" + (_text!.Length > 40 ? _text[..40] + "..." : _text) + "\"",
        ExpressionValueKind.List => string.Create(CultureInfo.InvariantCulture, $"an array of {((JsonArray)_node!).Count} items"),
        _ => "an object",
    };

    private InvalidOperationException WrongKind(ExpressionValueKind wanted)
        => new($"The expression value is {Kind}, not {wanted}; check Kind or evaluate with the matching ExpectedType.");
}
