namespace LowCode.Rules.Diagnostics;

/// <summary>A fact as a trace reports it.</summary>
/// <param name="Variable">The variable it was bound to.</param>
/// <param name="Type">Its fact type.</param>
/// <param name="Id">Its caller-given id, if any.</param>
/// <param name="Handle">The session's number for it (stable while it is in the session).</param>
/// <param name="Value">For aggregate results, the value as JSON.</param>
public sealed record TracedFact(string? Variable, string Type, string? Id, long? Handle, string? Value);
