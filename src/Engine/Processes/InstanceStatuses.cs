namespace LowCode.Engine.Processes;

/// <summary>The instance statuses stored in the instances table.</summary>
public static class InstanceStatuses
{
    public const string Running = "running";
    public const string Completed = "completed";

    /// <summary>Stopped for good by an operator (see docs/runtime.md, Operations); it ends like a completed one.</summary>
    public const string Cancelled = "cancelled";
}
