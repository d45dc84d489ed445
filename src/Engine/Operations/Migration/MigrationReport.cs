using System.Collections.Immutable;
using LowCode.Engine.Processes;

namespace LowCode.Engine.Operations.Migration;

/// <summary>
/// The outcome of a migration: the request's own problems (an unknown version, a mapping to a step that does not
/// exist) and, per instance, its problems or that it moved. Nothing moves unless every instance is valid.
/// </summary>
public sealed record MigrationReport(
    string ProcessKey,
    int FromVersion,
    int ToVersion,
    bool ValidateOnly,
    ImmutableArray<RuntimeProblem> Problems,
    ImmutableArray<InstanceMigration> Instances)
{
    /// <summary>True when the request and every instance are valid.</summary>
    public bool Valid => Problems.IsEmpty && Instances.All(i => i.Problems.IsEmpty);

    public int MigratedCount => Instances.Count(i => i.Migrated);
}

/// <summary>One instance's part in a migration: every problem that keeps it from moving, or where it now waits.</summary>
public sealed record InstanceMigration(string InstanceId, ImmutableArray<RuntimeProblem> Problems, bool Migrated, ImmutableArray<string> Positions);
