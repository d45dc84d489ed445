namespace LowCode.Rules.Model;

/// <summary>
/// Gives an agenda group the focus (pushes it on the session's focus stack): from the next firing on, only that
/// group's activations fire until its agenda is empty and the focus returns to the group below.
/// </summary>
public sealed record FocusAction(string Group) : ActionElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitFocus(this);
    }
}
