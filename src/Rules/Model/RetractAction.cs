namespace LowCode.Rules.Model;

/// <summary>Retracts the fact bound to <see cref="Variable"/> from the session.</summary>
public sealed record RetractAction(string Variable) : ActionElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitRetract(this);
    }
}
