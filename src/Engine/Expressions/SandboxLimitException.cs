namespace LowCode.Engine.Expressions;

/// <summary>
/// Thrown by the sandbox's own guards. It is not a JavaScriptException, so a script's try/catch
/// cannot swallow it: a limit always ends the evaluation.
/// </summary>
internal sealed class SandboxLimitException : Exception
{
    public SandboxLimitException(ExpressionErrorCategory category, string message, string hint = "")
        : base(message)
    {
        Category = category;
        Hint = hint;
    }

    public SandboxLimitException()
    {
    }

    public SandboxLimitException(string message)
        : base(message)
    {
    }

    public SandboxLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExpressionErrorCategory Category { get; } = ExpressionErrorCategory.Runtime;

    public string Hint { get; } = string.Empty;
}
