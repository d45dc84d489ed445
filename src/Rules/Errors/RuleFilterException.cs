using LowCode.Rules.Facts;

namespace LowCode.Rules.Errors;

/// <summary>An agenda filter failed while deciding on an activation; names the rule, the filter and the facts.</summary>
public class RuleFilterException : RulesException
{
    public RuleFilterException()
    {
        RuleName = string.Empty;
        Filter = string.Empty;
        Facts = [];
    }

    public RuleFilterException(string message)
        : base(message)
    {
        RuleName = string.Empty;
        Filter = string.Empty;
        Facts = [];
    }

    public RuleFilterException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleName = string.Empty;
        Filter = string.Empty;
        Facts = [];
    }

    public RuleFilterException(string message, string ruleName, string filter, IReadOnlyList<Fact> facts, Exception innerException)
        : base(message, innerException)
    {
        RuleName = ruleName;
        Filter = filter;
        Facts = facts;
    }

    public string RuleName { get; }

    /// <summary>The failing filter's name.</summary>
    public string Filter { get; }

    /// <summary>The facts the activation matched.</summary>
    public IReadOnlyList<Fact> Facts { get; }
}
