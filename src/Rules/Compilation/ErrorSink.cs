using LowCode.Rules.Errors;

namespace LowCode.Rules.Compilation;

/// <summary>Collects every compilation problem so that one compile reports them all.</summary>
internal sealed class ErrorSink
{
    private readonly List<RuleCompilationError> _errors = [];

    public IReadOnlyList<RuleCompilationError> Errors => _errors;

    public string Rule { get; set; } = string.Empty;

    public int RuleIndex { get; set; }

    public void Add(string location, string message) => _errors.Add(new RuleCompilationError(Rule, RuleIndex, location, message));
}
