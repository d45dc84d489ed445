namespace LowCode.Engine.Analytics;

/// <summary>
/// A transition the design has: <paramref name="Kind"/> is <c>next</c>, <c>transition</c> (with the outcome in
/// <paramref name="Detail"/>), <c>branch</c> or <c>rule</c> (with the rule's name).
/// </summary>
public sealed record DesignedEdge(string From, string To, string Kind, string? Detail);
