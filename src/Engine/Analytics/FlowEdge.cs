namespace LowCode.Engine.Analytics;

/// <summary>
/// One transition taken: from a step to the next, how often, whether the design has it, and (for those it does not
/// have) up to five example instances and what drove the route.
/// </summary>
public sealed record FlowEdge(
    string From,
    string To,
    int Count,
    bool Designed,
    IReadOnlyList<string> ExampleInstances,
    IReadOnlyList<RouteDriver> Drivers);
