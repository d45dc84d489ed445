namespace LowCode.Engine.Routing;

/// <summary>What happened that needs a decision: a task completed at a step with an outcome, an SLA breached, …</summary>
public sealed record RoutingEvent(string Type, string? Step = null, string? Outcome = null);
