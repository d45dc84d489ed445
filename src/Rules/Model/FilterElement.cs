namespace LowCode.Rules.Model;

/// <summary>
/// An agenda filter of one rule: decides, when an activation of the rule is created or re-created by an update,
/// whether it goes on the agenda. A rejected activation does not fire and is traced as <c>Filtered</c>.
/// </summary>
public abstract record FilterElement
{
    /// <summary>Dispatches to the visitor method for this filter.</summary>
    public abstract void Accept(RuleModelVisitor visitor);
}
