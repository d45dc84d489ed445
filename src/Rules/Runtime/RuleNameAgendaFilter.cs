namespace LowCode.Rules.Runtime;

/// <summary>Accepts the activations of the named rules.</summary>
internal sealed class RuleNameAgendaFilter(string[] ruleNames) : IAgendaFilter
{
    private readonly HashSet<string> _names = new(ruleNames, StringComparer.Ordinal);

    public string Name { get; } = $"rules({string.Join(", ", ruleNames)})";

    public bool Accept(AgendaActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return _names.Contains(activation.RuleName);
    }
}
