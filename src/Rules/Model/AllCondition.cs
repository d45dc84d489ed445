namespace LowCode.Rules.Model;

/// <summary>Holds when every one of <see cref="Conditions"/> holds ("and"), for nesting inside <see cref="AnyCondition"/>.</summary>
public sealed record AllCondition(IReadOnlyList<ConditionElement> Conditions) : ConditionElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitAllCondition(this);
    }
}
