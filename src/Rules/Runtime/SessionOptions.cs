namespace LowCode.Rules.Runtime;

/// <summary>Per-session settings; the defaults suit a routing decision.</summary>
public sealed record SessionOptions
{
    public static SessionOptions Default { get; } = new();

    /// <summary>
    /// The most rules one <c>Fire</c> may fire before it stops with a <see cref="Errors.RunawayChainingException"/>
    /// naming the rules in the loop. Raise it for bulk sessions that legitimately fire more.
    /// </summary>
    public int MaxFirings { get; init; } = 100_000;

    /// <summary>Record a <see cref="Diagnostics.DecisionTrace"/> (costs an allocation per activation).</summary>
    public bool Trace { get; init; }

    /// <summary>
    /// Agenda filters for every rule of the session, evaluated in order before the rules' own filters; the first to
    /// reject an activation keeps it off the agenda. Empty (the default) costs nothing.
    /// </summary>
    public IReadOnlyList<IAgendaFilter> AgendaFilters { get; init; } = [];
}
