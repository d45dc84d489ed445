namespace LowCode.Engine.Validation.Common;

/// <summary>
/// The names one expression may read from its scope, and how to talk about them: <see cref="Description"/> completes
/// "'x' is not ...", and <see cref="Notes"/> explains names that exist elsewhere in the definition but not here
/// (a group's key, a table column read outside its row).
/// </summary>
internal sealed class NameScope(string description, IEnumerable<string> names, IReadOnlyDictionary<string, string> notes)
{
    public string Description { get; } = description;

    public IReadOnlySet<string> Names { get; } = names.ToHashSet(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Notes { get; } = notes;
}
