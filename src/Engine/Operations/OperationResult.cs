using System.Collections.Immutable;

namespace LowCode.Engine.Operations;

/// <summary>An instance after an operation: its status, where it waits, the tasks the operation created and the exceptions still open.</summary>
public sealed record OperationResult(
    string InstanceId,
    string Status,
    ImmutableArray<string> Positions,
    ImmutableArray<string> CreatedTaskIds,
    ImmutableArray<string> OpenExceptions);
