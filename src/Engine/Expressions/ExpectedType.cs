namespace LowCode.Engine.Expressions;

/// <summary>The kind of value the caller needs back; anything else is reported as <see cref="ExpressionErrorCategory.TypeMismatch"/>.</summary>
public enum ExpectedType
{
    /// <summary>Any JSON-compatible value (not a function).</summary>
    Any,

    /// <summary>true or false: <c>visibleWhen</c>, <c>requiredWhen</c>, rule conditions, validations.</summary>
    Boolean,

    /// <summary>A finite number (NaN and Infinity are rejected).</summary>
    Number,

    /// <summary>A string (a Date result is returned as an ISO-8601 string).</summary>
    Text,

    /// <summary>An array.</summary>
    List,

    /// <summary>A plain object.</summary>
    Record,
}
