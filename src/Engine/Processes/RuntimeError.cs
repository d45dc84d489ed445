using System.Collections.Immutable;

namespace LowCode.Engine.Processes;

/// <summary>Why nothing changed, with every problem of the input when it was invalid.</summary>
public sealed record RuntimeError(RuntimeErrorKind Kind, string Message, ImmutableArray<RuntimeProblem> Problems)
{
    public static RuntimeError NotFound(string message) => new(RuntimeErrorKind.NotFound, message, []);

    public static RuntimeError Conflict(string message) => new(RuntimeErrorKind.Conflict, message, []);

    public static RuntimeError Forbidden(string message) => new(RuntimeErrorKind.Forbidden, message, []);

    public static RuntimeError Invalid(string message, params RuntimeProblem[] problems) => new(RuntimeErrorKind.Invalid, message, [.. problems]);
}
