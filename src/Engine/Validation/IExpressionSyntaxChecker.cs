using LowCode.Engine.Expressions;

namespace LowCode.Engine.Validation;

/// <summary>Checks one expression's syntax at save time; the expression sandbox implements it.</summary>
public interface IExpressionSyntaxChecker
{
    /// <summary>Problems in <paramref name="source"/>, each with a one-based line and column within the expression.</summary>
    IReadOnlyList<ExpressionSyntaxError> Check(string source);

    /// <summary>
    /// The scope variables <paramref name="source"/> reads (not helpers, JavaScript globals or its own callback
    /// parameters and locals), each with where it is first read; null when the checker cannot tell or the expression
    /// does not compile, in which case the unknown-name check is skipped.
    /// </summary>
    IReadOnlyList<ExpressionVariable>? Variables(string source) => null;
}

/// <summary>A syntax problem inside one expression.</summary>
public sealed record ExpressionSyntaxError(int Line, int Column, string Message);
