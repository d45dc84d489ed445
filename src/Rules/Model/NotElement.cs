namespace LowCode.Rules.Model;

/// <summary>Holds while no fact matches <see cref="Pattern"/> (given the facts bound before it).</summary>
public sealed record NotElement(PatternElement Pattern) : RuleElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitNot(this);
    }
}
