using LowCode.Engine.Tasks;

namespace LowCode.Engine.Processes;

/// <summary>The task a valid link opens, with the address it was sent to and when it expires.</summary>
public sealed record LinkedTask(WorkTask Task, string Email, DateTimeOffset ExpiresAt);
