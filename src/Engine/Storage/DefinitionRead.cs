using LowCode.Engine.Metadata;

namespace LowCode.Engine.Storage;

/// <summary>
/// The latest published version of a definition a step was decided on (null: none was published): a rule set its
/// decisions used, or the process and forms a start pinned. The step commits only if it is still the latest published
/// version at the commit; otherwise the commit is refused as a concurrency conflict and the step runs again, so a
/// publish that lands while a step is being decided takes effect on that very step.
/// </summary>
internal sealed record DefinitionRead(DefinitionKind Kind, string Key, int? Version);
