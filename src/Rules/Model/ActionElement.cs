namespace LowCode.Rules.Model;

/// <summary>One step of a rule's right-hand side.</summary>
public abstract record ActionElement
{
    /// <summary>Dispatches to the visitor method for this action.</summary>
    public abstract void Accept(RuleModelVisitor visitor);
}
