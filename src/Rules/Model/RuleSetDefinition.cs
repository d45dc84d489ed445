namespace LowCode.Rules.Model;

/// <summary>
/// A versioned set of rules: the canonical, immutable model that builders (or a JSON mapping) produce and the
/// compiler reads. Rule order matters only as the last tie-breaker of conflict resolution.
/// </summary>
/// <param name="Name">The rule set's name, reported in traces.</param>
/// <param name="Version">A number that grows with every published version; hot swap never goes backwards.</param>
/// <param name="Rules">The rules, in rule order.</param>
public sealed record RuleSetDefinition(string Name, long Version, IReadOnlyList<RuleDefinition> Rules)
{
    /// <summary>Walks the model with a visitor.</summary>
    public void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitRuleSet(this);
    }
}
