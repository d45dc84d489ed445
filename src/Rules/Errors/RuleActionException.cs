using LowCode.Rules.Facts;

namespace LowCode.Rules.Errors;

/// <summary>An action failed while a rule fired (the right-hand side failure point); names the rule, action and facts.</summary>
public class RuleActionException : RulesException
{
    public RuleActionException()
    {
        RuleName = string.Empty;
        Action = string.Empty;
        Facts = [];
    }

    public RuleActionException(string message)
        : base(message)
    {
        RuleName = string.Empty;
        Action = string.Empty;
        Facts = [];
    }

    public RuleActionException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleName = string.Empty;
        Action = string.Empty;
        Facts = [];
    }

    public RuleActionException(string message, string ruleName, string action, IReadOnlyList<Fact> facts, Exception innerException)
        : base(message, innerException)
    {
        RuleName = ruleName;
        Action = action;
        Facts = facts;
    }

    public string RuleName { get; }

    /// <summary>The failing action as written.</summary>
    public string Action { get; }

    /// <summary>The facts the activation matched.</summary>
    public IReadOnlyList<Fact> Facts { get; }
}
