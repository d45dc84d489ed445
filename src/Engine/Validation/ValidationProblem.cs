namespace LowCode.Engine.Validation;

/// <summary>
/// One thing wrong with a definition: where (a JSON path such as <c>$.steps[2].next</c>, plus line and column when
/// the problem is in the JSON text itself), what, and a stable code tools can match on.
/// </summary>
public sealed record ValidationProblem(string Path, string Message, string Code)
{
    /// <summary>An error blocks save and publish; a warning never does.</summary>
    public ProblemSeverity Severity { get; init; } = ProblemSeverity.Error;

    public int? Line { get; init; }

    public int? Column { get; init; }

    public override string ToString() =>
        (Severity == ProblemSeverity.Warning ? "warning: " : string.Empty)
        + (Line is { } line ? $"{Path} (line {line}, column {Column}): {Message}" : $"{Path}: {Message}");
}
