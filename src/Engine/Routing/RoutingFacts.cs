namespace LowCode.Engine.Routing;

/// <summary>
/// The fact types a routing decision inserts, and the names rules use for them. One <c>data</c> fact (the instance
/// data) and one <c>event</c> fact (what happened: its type, step and outcome) are always present; <c>task</c>,
/// <c>instance</c> and one <c>exception</c> fact per open exception are added when the decision has them.
/// </summary>
public static class RoutingFacts
{
    public const string Data = "data";
    public const string Event = "event";
    public const string Task = "task";
    public const string Instance = "instance";
    public const string Exception = "exception";

    /// <summary>The exclusive agenda group routing rules share: only the highest-salience route fires.</summary>
    public const string RouteGroup = "route";

    /// <summary>The event a rule reacts to when it names none.</summary>
    public const string DefaultEvent = "taskCompleted";
}
