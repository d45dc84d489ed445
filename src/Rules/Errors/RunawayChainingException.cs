namespace LowCode.Rules.Errors;

/// <summary>
/// A single <c>Fire</c> exceeded the firing limit: rules keep re-activating each other (or themselves). Names the
/// rules that fired most recently, which are the ones in the loop.
/// </summary>
public class RunawayChainingException : RulesException
{
    public RunawayChainingException()
    {
        RuleNames = [];
    }

    public RunawayChainingException(string message)
        : base(message)
    {
        RuleNames = [];
    }

    public RunawayChainingException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleNames = [];
    }

    public RunawayChainingException(string message, int limit, IReadOnlyList<string> ruleNames)
        : base(message)
    {
        Limit = limit;
        RuleNames = ruleNames;
    }

    /// <summary>The firing limit that was exceeded.</summary>
    public int Limit { get; }

    /// <summary>The rules in the loop, most frequent first.</summary>
    public IReadOnlyList<string> RuleNames { get; }
}
