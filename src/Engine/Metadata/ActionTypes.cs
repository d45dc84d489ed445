namespace LowCode.Engine.Metadata;

/// <summary>The action and condition vocabulary of rule sets.</summary>
public static class ActionTypes
{
    public const string GoTo = "goTo";
    public const string SetData = "setData";
    public const string Assign = "assign";
    public const string RaiseException = "raiseException";
    public const string ResolveException = "resolveException";
    public const string Notify = "notify";
    public const string CallWebhook = "callWebhook";

    public static IReadOnlyList<string> All { get; } = [GoTo, SetData, Assign, RaiseException, ResolveException, Notify, CallWebhook];

    public static IReadOnlyList<string> Operators { get; } =
        ["==", "!=", "<", "<=", ">", ">=", "in", "notIn", "contains", "startsWith", "matches", "isEmpty", "isNotEmpty", "between"];

    public static IReadOnlyList<string> Facts { get; } = ["data", "task", "instance", "event", "exception"];

    public static IReadOnlyList<string> Events { get; } =
        ["taskCompleted", "instanceStarted", "slaBreached", "validationFailed", "webhookFailed", "signalReceived", "exceptionRaised"];

    public static IReadOnlyList<string> Severities { get; } = ["info", "warning", "error"];
}
