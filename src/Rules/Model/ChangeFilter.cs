namespace LowCode.Rules.Model;

/// <summary>
/// NRules' change-only filter: an activation over the same facts fires again only when the value of at least one
/// key differs from its value when the rule last fired for those facts. Keys are usually references such as
/// <c>order.status</c>; expressions work too. The first activation for a combination of facts is always accepted.
/// </summary>
public sealed record ChangeFilter(IReadOnlyList<Operand> Keys) : FilterElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitChangeFilter(this);
    }
}
