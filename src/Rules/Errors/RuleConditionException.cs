using LowCode.Rules.Facts;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Errors;

/// <summary>
/// A condition failed while matching (an expression threw, a regular expression timed out, …): the left-hand
/// side failure point. Names the rules using the condition, the condition and the fact being tested.
/// </summary>
public class RuleConditionException : RulesException
{
    public RuleConditionException()
    {
        RuleNames = [];
        Condition = string.Empty;
        FactType = string.Empty;
        Facts = [];
    }

    public RuleConditionException(string message)
        : base(message)
    {
        RuleNames = [];
        Condition = string.Empty;
        FactType = string.Empty;
        Facts = [];
    }

    public RuleConditionException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleNames = [];
        Condition = string.Empty;
        FactType = string.Empty;
        Facts = [];
    }

    public RuleConditionException(
        string message,
        IReadOnlyList<string> ruleNames,
        string condition,
        Fact fact,
        IReadOnlyList<Fact> facts,
        Exception innerException)
        : base(message, innerException)
    {
        RuleNames = ruleNames;
        Condition = condition;
        Fact = fact;
        FactType = fact.Type;
        Facts = facts;
    }

    /// <summary>The rules whose condition failed (an alpha condition may be shared by several).</summary>
    public IReadOnlyList<string> RuleNames { get; }

    /// <summary>The condition as written.</summary>
    public string Condition { get; }

    /// <summary>The fact being tested.</summary>
    public Fact? Fact { get; }

    public string FactType { get; }

    /// <summary>The facts matched so far by earlier patterns (empty for single-fact conditions).</summary>
    public IReadOnlyList<Fact> Facts { get; }

    internal static RuleConditionException Create(
        IReadOnlyList<string> ruleNames, string condition, Fact fact, Token? token, Exception inner)
    {
        var facts = TokenFacts.Of(token);
        var rules = string.Join("', '", ruleNames);
        var message =
            $"Condition '{condition}' of rule '{rules}' failed on fact {fact}: {inner.Message} " +
            "Fix the condition or the data it reads.";
        return new RuleConditionException(message, ruleNames, condition, fact, facts, inner);
    }
}
