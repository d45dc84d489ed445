namespace LowCode.Engine.Events;

/// <summary>The event log's event types; docs/runtime.md lists each one's payload.</summary>
public static class EventTypes
{
    public const string InstanceStarted = "instanceStarted";
    public const string InstanceCompleted = "instanceCompleted";
    public const string TaskCreated = "taskCreated";
    public const string TaskClaimed = "taskClaimed";
    public const string TaskReleased = "taskReleased";
    public const string TaskReassigned = "taskReassigned";
    public const string TaskCompleted = "taskCompleted";
    public const string ScriptRan = "scriptRan";
    public const string RouteDecided = "routeDecided";
    public const string ParallelSplit = "parallelSplit";
    public const string BranchJoined = "branchJoined";
    public const string StepWaiting = "stepWaiting";
    public const string ExceptionRaised = "exceptionRaised";
    public const string ExceptionResolved = "exceptionResolved";
    public const string ActionRequested = "actionRequested";
    public const string ExternalLinkIssued = "externalLinkIssued";
    public const string FileUploaded = "fileUploaded";
    public const string SlaBreached = "slaBreached";
    public const string TimerFired = "timerFired";
    public const string WebhookSent = "webhookSent";
    public const string WebhookFailed = "webhookFailed";
    public const string SignalReceived = "signalReceived";
    public const string NotificationQueued = "notificationQueued";
}
