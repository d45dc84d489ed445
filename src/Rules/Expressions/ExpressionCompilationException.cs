namespace LowCode.Rules.Expressions;

/// <summary>Thrown by an <see cref="IExpressionEvaluator"/> for an expression it cannot prepare.</summary>
public class ExpressionCompilationException : Exception
{
    public ExpressionCompilationException()
    {
    }

    public ExpressionCompilationException(string message)
        : base(message)
    {
    }

    public ExpressionCompilationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
