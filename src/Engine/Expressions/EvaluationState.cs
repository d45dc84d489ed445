using System.Globalization;
using System.Runtime.CompilerServices;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Per-engine counters that the guards check; reset at the start of every evaluation so that nothing
/// an evaluation did (depth, allocation, clock) carries into the next one.
/// </summary>
internal sealed class EvaluationState
{
    private readonly ExpressionLimits _limits;
    private long _allocationBaseline;
    private long _deadline;
    private readonly Stack<Jint.Runtime.Environments.ExecutionContext> _contexts;
    private int _baseContexts;
    private int _builtIns;

    /// <param name="limits">The limits the guards enforce.</param>
    /// <param name="contexts">The engine's stack of execution contexts, whose depth counts the script's nested calls.</param>
    public EvaluationState(ExpressionLimits limits, Stack<Jint.Runtime.Environments.ExecutionContext> contexts)
    {
        _limits = limits;
        _contexts = contexts;
    }

    public ExpressionLimits Limits => _limits;

    public DateTimeOffset Now { get; private set; }

    public double NowMilliseconds { get; private set; }

    public string Today { get; private set; } = string.Empty;

    /// <summary>
    /// How deep calls are nested now: script functions, read from the engine's stack of execution contexts (one
    /// per function call, unwound by Jint itself on return and on throw), plus guarded built-ins running.
    /// </summary>
    public int Depth => _contexts.Count - _baseContexts + _builtIns;

    /// <summary>The last <c>__lcProbe</c> seen when re-running an expression to locate an error: the node's id and its value.</summary>
    public (int Id, Jint.Native.JsValue? Value) LastProbe { get; set; } = (-1, null);

    /// <summary>Objects an Array.prototype.join is currently joining, to stop cycles the way browsers do.</summary>
    public HashSet<object> Joining { get; } = new(ReferenceEqualityComparer.Instance);

    public void Begin(DateTimeOffset now)
    {
        // EqualsExact: the same instant in another offset has another date, and today() is the date in the offset given.
        if (!now.EqualsExact(Now) || Today.Length == 0)
        {
            Now = now;
            NowMilliseconds = now.ToUnixTimeMilliseconds();
            Today = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        _builtIns = 0;
        LastProbe = (-1, null);
        Joining.Clear();
        // The guards' own clock, checked at every guarded call: the coarse millisecond tick costs a fifth of a
        // high-resolution timestamp, and a time limit of tens of milliseconds needs no finer grain (Jint checks its
        // own, identical limit between statements).
        _deadline = Environment.TickCount64 + (long)Math.Ceiling(_limits.Timeout.TotalMilliseconds);
        _allocationBaseline = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>Starts the allocation budget after the scope's values are built (inputs have their own caps).</summary>
    public void StartAllocationBudget() => _allocationBaseline = GC.GetAllocatedBytesForCurrentThread();

    /// <summary>Where the run's own execution context sits: calls are counted from there.</summary>
    public void StartDepth() => _baseContexts = _contexts.Count;

    /// <summary>A script function was entered (its context is already on the stack).</summary>
    public void EnterFunction() => CheckDepth(Depth);

    /// <summary>A guarded built-in was entered; <see cref="LeaveBuiltIn"/> must follow, in a finally.</summary>
    public void EnterBuiltIn()
    {
        CheckDepth(Depth + 1);
        _builtIns++;
    }

    public void LeaveBuiltIn() => _builtIns = Math.Max(0, _builtIns - 1);

    private void CheckDepth(int depth)
    {
        if (depth > _limits.MaxRecursionDepth)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.RecursionLimit,
                $"Calls are nested more than {_limits.MaxRecursionDepth} levels deep (runaway recursion?).",
                "Make sure a function that calls itself has a condition that stops it.");
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new SandboxLimitException(ExpressionErrorCategory.RecursionLimit, "Calls are nested too deeply for the stack.",
                "Make sure a function that calls itself has a condition that stops it.");
        }

        Check();
    }

    /// <summary>Time and allocation checks, done at every guarded call (Jint checks time only between statements).</summary>
    public void Check()
    {
        if (Environment.TickCount64 > _deadline)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.Timeout,
                string.Create(CultureInfo.InvariantCulture, $"The expression ran longer than {_limits.Timeout.TotalMilliseconds} ms."),
                "Simplify it, or work on fewer rows.");
        }

        if (GC.GetAllocatedBytesForCurrentThread() - _allocationBaseline > _limits.MaxAllocatedBytes)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                string.Create(CultureInfo.InvariantCulture, $"The expression allocated more than {_limits.MaxAllocatedBytes / (1024 * 1024)} MB."),
                "Build smaller strings and arrays.");
        }
    }

    public void CheckString(int length)
    {
        if (length > _limits.MaxStringLength)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                string.Create(CultureInfo.InvariantCulture, $"A string would grow to {length} characters; the limit is {_limits.MaxStringLength}."),
                "Build shorter strings.");
        }
    }

    public void CheckArray(double length)
    {
        if (length > _limits.MaxArrayLength)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                string.Create(CultureInfo.InvariantCulture, $"An array of {length} items is over the limit of {_limits.MaxArrayLength}."),
                "Work on fewer items.");
        }
    }
}
