namespace LowCode.Rules.Model;

/// <summary>A test on the fact a pattern is matching: structured, an expression, or a disjunction.</summary>
public abstract record ConditionElement
{
    /// <summary>Dispatches to the visitor method for this condition.</summary>
    public abstract void Accept(RuleModelVisitor visitor);
}
