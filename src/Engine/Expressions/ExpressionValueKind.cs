namespace LowCode.Engine.Expressions;

/// <summary>The JSON-compatible kind of an evaluation result.</summary>
public enum ExpressionValueKind
{
    /// <summary>JavaScript <c>undefined</c>.</summary>
    Undefined,

    /// <summary>JavaScript <c>null</c>.</summary>
    Null,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A number (IEEE double, may be NaN or infinite when the caller asked for <see cref="ExpectedType.Any"/>).</summary>
    Number,

    /// <summary>A string (Dates come back as ISO-8601 strings).</summary>
    Text,

    /// <summary>An array, available as a <see cref="System.Text.Json.Nodes.JsonArray"/>.</summary>
    List,

    /// <summary>A plain object, available as a <see cref="System.Text.Json.Nodes.JsonObject"/>.</summary>
    Record,
}
