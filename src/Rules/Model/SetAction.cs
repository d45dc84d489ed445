namespace LowCode.Rules.Model;

/// <summary>Sets <see cref="Path"/> on the fact bound to <see cref="Variable"/> and updates it in the session, so rules re-evaluate.</summary>
public sealed record SetAction(string Variable, string Path, Operand Value) : ActionElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitSet(this);
    }
}
