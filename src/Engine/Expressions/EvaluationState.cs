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

    public EvaluationState(ExpressionLimits limits)
    {
        _limits = limits;
    }

    public ExpressionLimits Limits => _limits;

    public DateTimeOffset Now { get; private set; }

    public double NowMilliseconds { get; private set; }

    public string Today { get; private set; } = string.Empty;

    public int Depth { get; private set; }

    /// <summary>The last <c>__lcProbe</c> seen when re-running an expression to locate an error: the node's id and its value.</summary>
    public (int Id, Jint.Native.JsValue? Value) LastProbe { get; set; } = (-1, null);

    /// <summary>Objects an Array.prototype.join is currently joining, to stop cycles the way browsers do.</summary>
    public HashSet<object> Joining { get; } = new(ReferenceEqualityComparer.Instance);

    public void Begin(DateTimeOffset now)
    {
        if (now != Now || Today.Length == 0)
        {
            Now = now;
            NowMilliseconds = now.ToUnixTimeMilliseconds();
            Today = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        Depth = 0;
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

    public int Enter()
    {
        if (++Depth > _limits.MaxRecursionDepth)
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
        return Depth;
    }

    public void Leave() => Depth = Math.Max(0, Depth - 1);

    /// <summary>Back to a function's own depth when it catches an exception thrown from deeper calls.</summary>
    public void Restore(int depth) => Depth = Math.Clamp(depth, 0, Depth);

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
