namespace LowCode.Rules.Runtime;

/// <summary>Ready-made session-level agenda filters (see <see cref="SessionOptions.AgendaFilters"/>).</summary>
public static class AgendaFilters
{
    /// <summary>Accepts the activations for which <paramref name="predicate"/> returns true.</summary>
    public static IAgendaFilter Predicate(string name, Func<AgendaActivation, bool> predicate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(predicate);
        return new PredicateAgendaFilter(name, predicate);
    }

    /// <summary>Accepts only the activations of rules carrying at least one of <paramref name="tags"/> (ordinal).</summary>
    public static IAgendaFilter WithTags(params string[] tags) => new TagAgendaFilter(Checked(tags, nameof(tags)));

    /// <summary>Accepts only the activations of the rules named (ordinal).</summary>
    public static IAgendaFilter WithRuleNames(params string[] ruleNames) => new RuleNameAgendaFilter(Checked(ruleNames, nameof(ruleNames)));

    private static string[] Checked(string[] values, string parameter)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        if (values.Length == 0 || Array.Exists(values, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one value, none of them blank.", parameter);
        }

        return [.. values];
    }
}
