using System.Collections.Immutable;

namespace LowCode.Engine.Metadata;

/// <summary>
/// When every condition holds, the actions run. Routing rules (those with a <c>goTo</c>) compete: only the one with
/// the highest salience fires for a decision. Exception rules react to an event named by <see cref="On"/>.
/// </summary>
public sealed record RuleDefinition
{
    /// <summary>Unique within the rule set; decisions record it.</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Higher fires first; ties go to the most recent facts, then to rule order.</summary>
    public int Salience { get; init; }

    /// <summary>
    /// The event this rule reacts to (<c>taskCompleted</c>, <c>slaBreached</c>, <c>webhookFailed</c>, …);
    /// <c>taskCompleted</c> when omitted.
    /// </summary>
    public string? On { get; init; }

    /// <summary>Restricts the rule to decisions leaving these steps; any step when empty.</summary>
    public ImmutableArray<string> Steps { get; init; } = [];

    public ImmutableArray<ConditionDefinition> When { get; init; } = [];

    public ImmutableArray<ActionDefinition> Then { get; init; } = [];

    public bool Disabled { get; init; }
}
