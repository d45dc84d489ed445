using LowCode.Rules.Model;

namespace LowCode.Rules.Compilation;

/// <summary>A rule as the runtime sees it: its conflict-resolution keys, the variable of each slot and its actions.</summary>
internal sealed class CompiledRule(RuleDefinition definition, int order, string?[] slotNames)
{
    public RuleDefinition Definition { get; } = definition;

    public string Name => Definition.Name;

    public int Salience => Definition.Salience;

    public string? ExclusiveGroup => Definition.ExclusiveGroup;

    /// <summary>The rule's position in the rule set: the last tie-breaker.</summary>
    public int Order { get; } = order;

    /// <summary>The variable bound at each element's slot (null for not/exists).</summary>
    public string?[] SlotNames { get; } = slotNames;

    public IReadOnlyList<CompiledAction> Actions { get; set; } = [];

    /// <summary>The index of the rule's agenda group in the rule set's groups (0: the main group).</summary>
    public int AgendaGroup { get; set; }

    public CompiledFilter[] Filters { get; set; } = [];

    public bool HasChangeFilter { get; set; }
}
