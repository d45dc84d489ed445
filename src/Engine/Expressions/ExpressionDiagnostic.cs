using System.Globalization;

namespace LowCode.Engine.Expressions;

/// <summary>One problem found when checking an expression before it runs (save-time validation).</summary>
/// <param name="Category">Syntax, Unsupported, Forbidden or TooComplex.</param>
/// <param name="Line">1-based line in the expression text.</param>
/// <param name="Column">1-based column in the expression text.</param>
/// <param name="Message">What is wrong, in words a citizen developer understands.</param>
/// <param name="Hint">How to fix it ("write X instead"), or empty.</param>
public sealed record ExpressionDiagnostic(ExpressionErrorCategory Category, int Line, int Column, string Message, string Hint)
{
    /// <summary>"line 1, column 5: message. hint"</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}: {Message}");
        return Hint.Length == 0 ? text : text + " " + Hint;
    }
}
