namespace LowCode.Engine.Expressions;

/// <summary>Why an expression was rejected or failed; callers branch on this, users read the message.</summary>
public enum ExpressionErrorCategory
{
    /// <summary>The text is not valid JavaScript (ES5.1).</summary>
    Syntax,

    /// <summary>Valid modern JavaScript that Jint 2.10 (ES5.1) cannot run: arrows, template literals, let/const, ...</summary>
    Unsupported,

    /// <summary>A construct the sandbox does not allow in one-line expressions: loops, eval, Function, with, ...</summary>
    Forbidden,

    /// <summary>The expression is longer or more deeply nested than the limits allow.</summary>
    TooComplex,

    /// <summary>The evaluation ran longer than <see cref="ExpressionLimits.Timeout"/> (or a regular expression took too long).</summary>
    Timeout,

    /// <summary>The evaluation executed more statements than <see cref="ExpressionLimits.MaxStatements"/>.</summary>
    StatementLimit,

    /// <summary>Calls nested deeper than <see cref="ExpressionLimits.MaxRecursionDepth"/>.</summary>
    RecursionLimit,

    /// <summary>A string, array, result or allocation exceeded its cap.</summary>
    MemoryLimit,

    /// <summary>The data handed to the expression (the scope) is larger or deeper than the limits allow.</summary>
    InputLimit,

    /// <summary>The expression threw: an unknown name, reading a property of null, a thrown error, a bad helper argument.</summary>
    Runtime,

    /// <summary>The expression ran but returned the wrong kind of value (e.g. a string where a boolean is required).</summary>
    TypeMismatch,
}
