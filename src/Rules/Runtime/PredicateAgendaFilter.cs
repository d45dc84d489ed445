namespace LowCode.Rules.Runtime;

/// <summary>An agenda filter over a host predicate.</summary>
internal sealed class PredicateAgendaFilter(string name, Func<AgendaActivation, bool> predicate) : IAgendaFilter
{
    public string Name { get; } = name;

    public bool Accept(AgendaActivation activation) => predicate(activation);
}
