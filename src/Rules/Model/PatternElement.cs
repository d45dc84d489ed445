namespace LowCode.Rules.Model;

/// <summary>
/// Matches one fact of <see cref="FactType"/> meeting every condition, and binds it to <see cref="Variable"/>
/// so later conditions and actions can refer to it.
/// </summary>
/// <param name="Variable">The name the matched fact is bound to; optional inside <c>not</c> and <c>exists</c>.</param>
/// <param name="FactType">The fact type to match, e.g. <c>Order</c>.</param>
/// <param name="Conditions">All must hold (use <see cref="AnyCondition"/> for "or").</param>
public sealed record PatternElement(string? Variable, string FactType, IReadOnlyList<ConditionElement> Conditions) : RuleElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitPattern(this);
    }
}
