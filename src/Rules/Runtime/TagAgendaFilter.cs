namespace LowCode.Rules.Runtime;

/// <summary>Accepts the activations of rules carrying at least one of the tags.</summary>
internal sealed class TagAgendaFilter(string[] tags) : IAgendaFilter
{
    private readonly HashSet<string> _tags = new(tags, StringComparer.Ordinal);

    public string Name { get; } = $"tags({string.Join(", ", tags)})";

    public bool Accept(AgendaActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        foreach (var tag in activation.Tags)
        {
            if (_tags.Contains(tag))
            {
                return true;
            }
        }

        return false;
    }
}
