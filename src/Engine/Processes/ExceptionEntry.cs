namespace LowCode.Engine.Processes;

/// <summary>
/// An exception raised on an instance and not yet resolved: by a rule (<c>raiseException</c>) or by the engine
/// itself (<c>NO_ROUTE</c>, <c>SCRIPT_FAILED</c>, …). Open exceptions are facts of every routing decision.
/// </summary>
public sealed record ExceptionEntry(string Code, string Message, string Severity, string? Step, string? RaisedBy, DateTimeOffset RaisedAt);
