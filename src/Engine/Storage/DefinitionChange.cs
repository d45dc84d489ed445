using LowCode.Engine.Metadata;

namespace LowCode.Engine.Storage;

/// <summary>One committed lifecycle change of a definition, as <see cref="IDefinitionChangeNotifier"/> delivers it.</summary>
/// <param name="Change">What happened.</param>
/// <param name="Kind">The definition's kind.</param>
/// <param name="Key">The definition's key.</param>
/// <param name="Version">The version changed: 0 for the draft, the new number for a publish, the retired number for a retire.</param>
/// <param name="User">Who made the change.</param>
/// <param name="OccurredAt">When the change was committed (UTC).</param>
/// <param name="Current">The version as stored after the change; for a discarded draft, the draft as it was before.</param>
public sealed record DefinitionChange(
    DefinitionChangeKind Change,
    DefinitionKind Kind,
    string Key,
    int Version,
    string User,
    DateTime OccurredAt,
    DefinitionVersion Current);

/// <summary>The lifecycle changes a store reports.</summary>
public enum DefinitionChangeKind
{
    /// <summary>A draft was created or replaced.</summary>
    DraftSaved,

    /// <summary>The draft became the next numbered version.</summary>
    Published,

    /// <summary>A published version was retired.</summary>
    Retired,

    /// <summary>The draft was thrown away.</summary>
    DraftDiscarded,
}
