namespace LowCode.Rules.Runtime;

/// <summary>
/// Decides whether an activation goes on the agenda (NRules' <c>IAgendaFilter</c>). Called when an activation is
/// created, and again when an update re-creates it; a rejected activation does not fire and the decision trace
/// records it as <c>Filtered</c> with <see cref="Name"/>. Filters run while facts propagate: they must not change
/// the session. Built-in filters: <see cref="AgendaFilters"/>.
/// </summary>
public interface IAgendaFilter
{
    /// <summary>Names the filter in traces and errors.</summary>
    string Name { get; }

    /// <summary>True to put the activation on the agenda.</summary>
    bool Accept(AgendaActivation activation);
}
