namespace LowCode.Engine.Storage;

/// <summary>
/// A rule set version a step's decisions were made on (null: none was published). The step commits only if it is
/// still the latest published version at the commit; otherwise the commit is refused as a concurrency conflict and the
/// step runs again, so a publish that lands while a step is being decided takes effect on that very step.
/// </summary>
internal sealed record RuleSetRead(string Key, int? Version);
