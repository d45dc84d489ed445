namespace LowCode.Rules.Model;

/// <summary>Holds while at least one fact matches <see cref="Pattern"/>; fires once however many match.</summary>
public sealed record ExistsElement(PatternElement Pattern) : RuleElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitExists(this);
    }
}
