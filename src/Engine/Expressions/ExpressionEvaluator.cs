using Jint.Parser.Ast;

namespace LowCode.Engine.Expressions;

/// <summary>
/// The sandbox's entry point: one prepared Jint engine per thread (created on first use, replaced if an
/// evaluation was cut off mid-way), limits reset at every evaluation, results type-checked.
/// </summary>
public sealed class ExpressionEvaluator : IExpressionEvaluator, IDisposable
{
    private readonly ThreadLocal<SandboxEngine?> _engines = new();

    /// <summary>An evaluator with its own compiler and cache, using <paramref name="limits"/> (or the defaults).</summary>
    public ExpressionEvaluator(ExpressionLimits? limits = null)
    {
        Compiler = new ExpressionCompiler(limits);
    }

    /// <summary>The compiler (and cache) this evaluator uses.</summary>
    public ExpressionCompiler Compiler { get; }

    /// <summary>The limits every evaluation runs under.</summary>
    public ExpressionLimits Limits => Compiler.Limits;

    /// <inheritdoc />
    public CompiledExpression Compile(string source) => Compiler.Compile(source);

    /// <inheritdoc />
    public ExpressionResult Evaluate(string source, ExpressionScope scope, ExpectedType expected, string label)
        => Evaluate(Compile(source), scope, expected, label);

    /// <inheritdoc />
    public ExpressionResult Evaluate(CompiledExpression expression, ExpressionScope scope, ExpectedType expected, string label)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        label ??= string.Empty;
        if (!expression.IsValid)
        {
            return ExpressionResult.Failure(ExpressionError.FromDiagnostic(expression.Diagnostics[0], label, expression.Source));
        }

        var sandbox = _engines.Value ??= new SandboxEngine(Limits);
        try
        {
            Jint.Native.JsValue result;
            try
            {
                result = sandbox.Run(expression, scope);
            }
            catch (TimeoutException) when (!expression.HasCompleted)
            {
                // A cold first run can spend the whole time limit JIT-compiling the interpreter; give it one more
                // try, now warm. A genuinely slow expression times out again, so it stops within twice the limit.
                result = sandbox.Run(expression, scope);
            }

            expression.HasCompleted = true;
            var value = ResultConverter.Convert(result, Limits);
            return Check(value, expected, expression, label);
        }
#pragma warning disable CA1031 // The sandbox's contract: whatever a script does, the caller gets a categorised error, never an exception.
        catch (Exception exception) when (exception is not StackOverflowException)
#pragma warning restore CA1031
        {
            SyntaxNode? last = null;
            try
            {
                last = sandbox.Engine.GetLastSyntaxNode();
            }
            catch (InvalidOperationException)
            {
                last = null;
            }

            var probe = !sandbox.Broken && RuntimeErrorDescriber.NeedsProbe(exception) ? Probe(sandbox, expression, scope) : (null, null);
            if (sandbox.Broken || !IsExpected(exception))
            {
                // Start the next evaluation on this thread from a fresh engine: nothing half-done can leak into it.
                _engines.Value = null;
            }

            return ExpressionResult.Failure(RuntimeErrorDescriber.Describe(exception, expression, last, probe, scope, label));
        }
    }

    /// <summary>Releases the per-thread engines.</summary>
    public void Dispose() => _engines.Dispose();

    /// <summary>Failures the sandbox anticipates; anything else may have left the engine half-way through an operation.</summary>
    private static bool IsExpected(Exception exception) => exception is Jint.Runtime.JavaScriptException or SandboxLimitException
        or Jint.Runtime.StatementsCountOverflowException or TimeoutException or InsufficientExecutionStackException;

    /// <summary>Re-runs a failed expression in its probing variant to find the failing part (error path only; the expression is deterministic).</summary>
    private (SyntaxNode? Node, Jint.Native.JsValue? Value) Probe(SandboxEngine sandbox, CompiledExpression expression, ExpressionScope scope)
    {
        if (expression.GetProbe(Limits) is not { } probe)
        {
            return (null, null);
        }

        try
        {
            sandbox.Run(probe.Program, expression.ReferencedNames, scope);
        }
        catch (Jint.Runtime.JavaScriptException)
        {
            var (id, value) = sandbox.State.LastProbe;
            return (probe.Node(id), value);
        }
#pragma warning disable CA1031 // Locating the error is best effort; the original error is reported either way.
        catch (Exception)
#pragma warning restore CA1031
        {
            _engines.Value = null;
        }

        return (null, null);
    }

    private static ExpressionResult Check(ExpressionValue value, ExpectedType expected, CompiledExpression expression, string label)
    {
        var ok = expected switch
        {
            ExpectedType.Boolean => value.Kind == ExpressionValueKind.Boolean,
            ExpectedType.Number => value.Kind == ExpressionValueKind.Number && double.IsFinite(value.AsNumber()),
            ExpectedType.Text => value.Kind == ExpressionValueKind.Text,
            ExpectedType.List => value.Kind == ExpressionValueKind.List,
            ExpectedType.Record => value.Kind == ExpressionValueKind.Record,
            _ => true,
        };
        if (ok)
        {
            return ExpressionResult.Success(value);
        }

        var (wanted, hint) = expected switch
        {
            ExpectedType.Boolean => ("a boolean (true or false)", "Compare explicitly, e.g. amount > 0, status === 'open' or !isEmpty(name)."),
            ExpectedType.Number => ("a finite number", value.Kind == ExpressionValueKind.Number
                ? "NaN or Infinity usually means arithmetic on an empty field or a division by zero; guard with isEmpty() or coalesce(x, 0)."
                : "Convert with toNumber(x), or use coalesce(x, 0) for empty values."),
            ExpectedType.Text => ("a string", "Convert with text(x)."),
            ExpectedType.List => ("an array", string.Empty),
            _ => ("an object", string.Empty),
        };
        return ExpressionResult.Failure(new ExpressionError(ExpressionErrorCategory.TypeMismatch, label, expression.Source,
            $"The expression returned {value.Describe()}, but {wanted} is required.", hint));
    }

}
