using LowCode.Rules.Expressions;

namespace LowCode.Rules.Tests.Support;

/// <summary>
/// A small test evaluator: each expression text is registered with a C# function over the bindings and the
/// variables it reads. Unknown text fails compilation, as a real evaluator's syntax error would.
/// </summary>
internal sealed class LambdaEvaluator : IExpressionEvaluator
{
    private readonly Dictionary<string, (Func<ExpressionBindings, object?> Body, string[]? Reads)> _expressions = new(StringComparer.Ordinal);

    public List<IReadOnlyList<string>> CompiledWithVariables { get; } = [];

    public LambdaEvaluator Add(string text, Func<ExpressionBindings, object?> body, params string[]? reads)
    {
        _expressions[text] = (body, reads);
        return this;
    }

    public ICompiledExpression Compile(string expression, IReadOnlyList<string> variables)
    {
        if (!_expressions.TryGetValue(expression, out var entry))
        {
            throw new ExpressionCompilationException($"unexpected token at line 1, column 1 in '{expression}'");
        }

        CompiledWithVariables.Add(variables);
        return new Compiled(entry.Body, entry.Reads);
    }

    private sealed class Compiled(Func<ExpressionBindings, object?> body, string[]? reads) : ICompiledExpression
    {
        public IReadOnlyCollection<string>? ReferencedVariables => reads;

        public object? Evaluate(in ExpressionBindings bindings) => body(bindings);
    }
}
