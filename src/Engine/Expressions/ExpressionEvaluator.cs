using System.Collections.Concurrent;

namespace LowCode.Engine.Expressions;

/// <summary>
/// The sandbox's entry point: prepared Jint engines lent out one evaluation at a time (created when none is idle,
/// dropped after a failure that may have left one mid-operation), budgets reset at every evaluation by Jint, results
/// type-checked.
/// </summary>
public sealed class ExpressionEvaluator : IExpressionEvaluator, IDisposable
{
    // Idle engines, at most as many as evaluations ever ran at once. Preparing an engine costs milliseconds; keeping
    // one per thread instead made every thread-pool thread an async step happened to resume on prepare its own.
    // ConcurrentBag hands a thread back the engine it returned last, so one thread's evaluations in a row share one.
    private readonly ConcurrentBag<SandboxEngine> _idle = [];
    private readonly TimeProvider _backstopClock;

    /// <summary>An evaluator with its own compiler and cache, using <paramref name="limits"/> (or the defaults).</summary>
    public ExpressionEvaluator(ExpressionLimits? limits = null)
        : this(limits, TimeProvider.System)
    {
    }

    /// <summary>
    /// An evaluator whose wall-clock backstop (<see cref="ExpressionLimits.Timeout"/>) reads <paramref name="backstopClock"/>;
    /// the deterministic budgets do not depend on any clock.
    /// </summary>
    public ExpressionEvaluator(ExpressionLimits? limits, TimeProvider backstopClock)
    {
        Compiler = new ExpressionCompiler(limits);
        _backstopClock = backstopClock ?? throw new ArgumentNullException(nameof(backstopClock));
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

        var sandbox = _idle.TryTake(out var idle) ? idle : new SandboxEngine(Limits, _backstopClock);
        var reusable = true;
        try
        {
            var value = ResultConverter.Convert(sandbox.Run(expression, scope), Limits);
            return Check(value, expected, expression, label);
        }
#pragma warning disable CA1031 // The sandbox's contract: whatever a script does, the caller gets a categorised error, never an exception.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (!IsExpected(exception))
            {
                // The next evaluation starts from another engine: nothing half-done can leak into it.
                reusable = false;
            }

            return ExpressionResult.Failure(RuntimeErrorDescriber.Describe(exception, expression, scope, label));
        }
        finally
        {
            if (reusable)
            {
                _idle.Add(sandbox);
            }
        }
    }

    /// <summary>Lets go of the idle engines.</summary>
    public void Dispose() => _idle.Clear();

    /// <summary>A fresh engine, prepared as every evaluation's is (for isolation tests and the globals snapshot).</summary>
    internal SandboxEngine CreateEngine() => new(Limits, _backstopClock);

    /// <summary>Failures the sandbox and Jint raise between operations; anything else may have left the engine half-way through one.</summary>
    private static bool IsExpected(Exception exception) => exception is Jint.Runtime.JavaScriptException or SandboxLimitException
        or Jint.Runtime.StatementsCountOverflowException or Jint.Runtime.RecursionDepthOverflowException or Jint.Runtime.MemoryLimitExceededException;

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
