using LowCode.Rules.Expressions;

namespace LowCode.Rules.Compilation;

/// <summary>Settings for compiling a rule set.</summary>
public sealed record RuleCompilerOptions
{
    public static RuleCompilerOptions Default { get; } = new();

    /// <summary>Evaluates expression conditions and operands; required only when rules use expressions.</summary>
    public IExpressionEvaluator? ExpressionEvaluator { get; init; }

    /// <summary>The longest a <c>matches</c> regular expression may run on one value before the condition fails with an error.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);
}
