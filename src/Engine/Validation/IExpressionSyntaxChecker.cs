namespace LowCode.Engine.Validation;

/// <summary>Checks one expression's syntax at save time; the expression sandbox implements it.</summary>
public interface IExpressionSyntaxChecker
{
    /// <summary>Problems in <paramref name="source"/>, each with a one-based line and column within the expression.</summary>
    IReadOnlyList<ExpressionSyntaxError> Check(string source);
}

/// <summary>A syntax problem inside one expression.</summary>
public sealed record ExpressionSyntaxError(int Line, int Column, string Message);
