namespace LowCode.Rules.Model;

/// <summary>An element of a rule's left-hand side: a pattern, <c>not</c>, <c>exists</c> or an aggregate.</summary>
public abstract record RuleElement
{
    /// <summary>Dispatches to the visitor method for this element.</summary>
    public abstract void Accept(RuleModelVisitor visitor);
}
