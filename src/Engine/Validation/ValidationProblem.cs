namespace LowCode.Engine.Validation;

/// <summary>
/// One thing wrong with a definition: where (a JSON path such as <c>$.steps[2].next</c>, plus line and column when
/// the problem is in the JSON text itself), what, and a stable code tools can match on.
/// </summary>
public sealed record ValidationProblem(string Path, string Message, string Code)
{
    public int? Line { get; init; }

    public int? Column { get; init; }

    public override string ToString() =>
        Line is { } line ? $"{Path} (line {line}, column {Column}): {Message}" : $"{Path}: {Message}";
}
