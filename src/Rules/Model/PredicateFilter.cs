using LowCode.Rules.Runtime;

namespace LowCode.Rules.Model;

/// <summary>Host code that accepts or rejects the rule's activations; <see cref="Name"/> names it in traces.</summary>
public sealed record PredicateFilter(string Name, Func<AgendaActivation, bool> Predicate) : FilterElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitPredicateFilter(this);
    }
}
