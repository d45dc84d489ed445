using LowCode.Engine.Processes;
using LowCode.Engine.Tasks;

namespace LowCode.Engine.Operations;

/// <summary>Who performs an operation on an instance and why; both are written to the event log.</summary>
public sealed record OperationRequest(Principal Principal, string? Reason)
{
    /// <summary>The problem to answer with when the reason is missing; an operation is never done without one.</summary>
    internal RuntimeError? Check() => string.IsNullOrWhiteSpace(Reason)
        ? RuntimeError.Invalid(
            "Every operation on an instance needs a reason; nothing was changed.",
            new RuntimeProblem("reason", "reason.required", "Say why (for example 'paid by hand after the ERP outage'); it is kept in the event log."))
        : null;
}
