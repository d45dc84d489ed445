namespace LowCode.Rules.Errors;

/// <summary>A rule set could not be compiled; <see cref="Errors"/> lists every problem found, not just the first.</summary>
public class RuleCompilationException : RulesException
{
    public RuleCompilationException()
    {
        Errors = [];
    }

    public RuleCompilationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public RuleCompilationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public RuleCompilationException(IReadOnlyList<RuleCompilationError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<RuleCompilationError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<RuleCompilationError> errors) =>
        $"The rule set has {errors.Count} problem(s):" + string.Concat(errors.Select(error => "\n  " + error));
}
