namespace LowCode.Rules.Expressions;

/// <summary>
/// Plugs an expression language into the rules (the Engine plugs in its Jint sandbox). The compiler calls
/// <see cref="Compile"/> once per expression while compiling a rule set, off the request path; the result is then
/// evaluated many times, possibly from several sessions on several threads at once, so it must be thread-safe.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>
    /// Prepares an expression. Throw <see cref="ExpressionCompilationException"/> (or any exception; the compiler
    /// reports it with the rule and location) when the expression is invalid.
    /// </summary>
    /// <param name="expression">The source text.</param>
    /// <param name="variables">The variables in scope, in binding order.</param>
    ICompiledExpression Compile(string expression, IReadOnlyList<string> variables);
}
