namespace LowCode.Engine.Expressions;

/// <summary>
/// Evaluates citizen-developer expressions in the sandbox. Implementations are thread-safe and never
/// throw for a user's mistake: every failure comes back as a categorised <see cref="ExpressionError"/>.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>Parses and checks <paramref name="source"/> once (cached by text); the handle is reusable across threads.</summary>
    CompiledExpression Compile(string source);

    /// <summary>Compiles (cached) and evaluates <paramref name="source"/>.</summary>
    /// <param name="source">The expression text.</param>
    /// <param name="scope">Its variables (JSON data) and clock.</param>
    /// <param name="expected">The kind of value needed; anything else is a TypeMismatch error.</param>
    /// <param name="label">Where the expression lives, for messages: a JSON path such as <c>$.fields[3].visibleWhen</c> or a rule name.</param>
    ExpressionResult Evaluate(string source, ExpressionScope scope, ExpectedType expected, string label);

    /// <summary>Evaluates a compiled expression: the hot path (no parsing, no cache lookup).</summary>
    ExpressionResult Evaluate(CompiledExpression expression, ExpressionScope scope, ExpectedType expected, string label);
}
