namespace LowCode.Rules.Model;

/// <summary>
/// One rule: when every element of <see cref="Conditions"/> holds for some combination of facts, an activation is
/// put on the agenda; firing it runs <see cref="Actions"/> in order.
/// </summary>
/// <param name="Name">Unique within the rule set; traces and errors name it.</param>
/// <param name="Salience">Higher fires first.</param>
/// <param name="Conditions">Patterns, <c>not</c>, <c>exists</c> and aggregates, joined left to right.</param>
/// <param name="Actions">What firing does.</param>
public sealed record RuleDefinition(
    string Name,
    int Salience,
    IReadOnlyList<RuleElement> Conditions,
    IReadOnlyList<ActionElement> Actions)
{
    /// <summary>
    /// Rules sharing an exclusive group compete: the first activation of the group to fire (the highest salience,
    /// then the most recent facts, then rule order) wins and every other activation of the group is discarded for
    /// the rest of the session. Routing uses this so that exactly one route is taken.
    /// </summary>
    public string? ExclusiveGroup { get; init; }

    /// <summary>
    /// The agenda group the rule belongs to (<c>null</c> or <see cref="AgendaGroups.Main"/>: the main group). Only
    /// the group with the focus fires; see <see cref="FocusAction"/> and <c>RuleSession.SetFocus</c>.
    /// </summary>
    public string? AgendaGroup { get; init; }

    /// <summary>Labels for agenda filters and people (e.g. <c>audit</c>, <c>routing</c>); no effect on matching.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The rule's own agenda filters, evaluated after the session's (see <see cref="FilterElement"/>).</summary>
    public IReadOnlyList<FilterElement> Filters { get; init; } = [];

    /// <summary>Free text for people; not used by the engine.</summary>
    public string? Description { get; init; }

    /// <summary>Walks the rule with a visitor.</summary>
    public void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitRule(this);
    }
}
