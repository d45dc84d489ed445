using LowCode.Engine.Metadata;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>
/// A step's commit found that a definition it was decided on (a rule set its decisions used, the process or a form a
/// start pinned) is no longer the latest published version: the step is run again on the version now in force.
/// </summary>
public sealed class DefinitionChangedException : DbUpdateConcurrencyException
{
    public DefinitionChangedException(DefinitionKind kind, string key, string message)
        : base(message) => (Kind, Key) = (kind, key);

    /// <summary>What kind of definition was published again.</summary>
    public DefinitionKind Kind { get; }

    /// <summary>The definition that was published again.</summary>
    public string Key { get; }
}
