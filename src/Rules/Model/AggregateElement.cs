namespace LowCode.Rules.Model;

/// <summary>
/// Aggregates the facts matching <see cref="Source"/> and binds the result to <see cref="Variable"/> as a fact of
/// type <c>aggregate</c> with fields <c>value</c> (the count, sum, min, max or the collected facts) and
/// <c>count</c>. <see cref="ResultConditions"/> filter on it, e.g. <c>value &gt;= 3</c>. The element always
/// produces one result per combination of earlier facts, even over no matching facts.
/// </summary>
/// <param name="Variable">The name the result is bound to.</param>
/// <param name="Kind">What to compute.</param>
/// <param name="Source">The facts to aggregate; its variable is visible only to its own conditions.</param>
/// <param name="Path">The path summed or compared (required for sum, min and max).</param>
/// <param name="ResultConditions">Conditions on the result fact (paths <c>value</c> and <c>count</c>).</param>
public sealed record AggregateElement(
    string Variable,
    AggregateKind Kind,
    PatternElement Source,
    string? Path,
    IReadOnlyList<ConditionElement> ResultConditions) : RuleElement
{
    /// <summary>The fact type of aggregate results.</summary>
    public const string ResultFactType = "aggregate";

    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitAggregate(this);
    }
}
