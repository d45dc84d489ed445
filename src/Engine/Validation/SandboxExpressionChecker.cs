using LowCode.Engine.Expressions;

namespace LowCode.Engine.Validation;

/// <summary>Checks expressions at save time with the sandbox's own compiler, so what saves is what runs.</summary>
public sealed class SandboxExpressionChecker(ExpressionCompiler compiler) : IExpressionSyntaxChecker
{
    public IReadOnlyList<ExpressionSyntaxError> Check(string source) =>
        [.. compiler.Check(source).Select(d => new ExpressionSyntaxError(
            d.Line,
            d.Column,
            string.IsNullOrWhiteSpace(d.Hint) ? d.Message : $"{d.Message} {d.Hint}"))];

    public IReadOnlyList<ExpressionVariable>? Variables(string source) =>
        compiler.Compile(source) is { IsValid: true } compiled ? compiled.VariableUses : null;
}
