using System.Collections.Immutable;

namespace LowCode.Engine.Operations.Migration;

/// <summary>
/// Move the running instances of process version <see cref="FromVersion"/> (all of them, or those in
/// <see cref="InstanceIds"/>) to <see cref="ToVersion"/>. <see cref="StepMapping"/> maps a step of the old version to
/// one of the new; a step it leaves out maps to the step of the same key, if the new version has one. With
/// <see cref="ValidateOnly"/> every instance is checked and nothing moves.
/// </summary>
public sealed record MigrationRequest(
    string ProcessKey,
    int FromVersion,
    int ToVersion,
    ImmutableDictionary<string, string> StepMapping,
    ImmutableArray<string> InstanceIds = default,
    bool ValidateOnly = false);
