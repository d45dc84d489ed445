namespace LowCode.Rules.Errors;

/// <summary>The base of every error the rules engine raises on purpose.</summary>
public class RulesException : Exception
{
    public RulesException()
    {
    }

    public RulesException(string message)
        : base(message)
    {
    }

    public RulesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
