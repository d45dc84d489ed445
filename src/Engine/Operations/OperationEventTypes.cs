namespace LowCode.Engine.Operations;

/// <summary>
/// The event types the operations write (docs/runtime.md lists each one's payload). Every one carries the acting
/// principal as the event's actor and the operator's <c>reason</c> in its payload.
/// </summary>
public static class OperationEventTypes
{
    public const string InstanceCancelled = "instanceCancelled";
    public const string TaskCancelled = "taskCancelled";
    public const string StepRetried = "stepRetried";
    public const string InstanceMoved = "instanceMoved";
    public const string InstanceRerouted = "instanceRerouted";
    public const string InstanceMigrated = "instanceMigrated";
    public const string InstanceErased = "instanceErased";
}
