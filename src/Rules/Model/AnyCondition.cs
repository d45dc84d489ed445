namespace LowCode.Rules.Model;

/// <summary>Holds when at least one of <see cref="Conditions"/> holds ("or"); an empty list never holds.</summary>
public sealed record AnyCondition(IReadOnlyList<ConditionElement> Conditions) : ConditionElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitAnyCondition(this);
    }
}
