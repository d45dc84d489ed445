namespace LowCode.Engine.Processes;

/// <summary>The instance statuses stored in the instances table.</summary>
public static class InstanceStatuses
{
    public const string Running = "running";
    public const string Completed = "completed";
}
