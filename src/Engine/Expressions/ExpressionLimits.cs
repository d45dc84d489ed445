namespace LowCode.Engine.Expressions;

/// <summary>
/// The sandbox's limits, with safe defaults. Every evaluation starts from zero against each of them.
/// Jint 2.10 has no memory limit, so the string, array, allocation and input caps are the sandbox's own.
/// </summary>
public sealed record ExpressionLimits
{
    /// <summary>The defaults used when none are given.</summary>
    public static ExpressionLimits Default { get; } = new();

    /// <summary>Longest expression text, in characters. Also what keeps Jint's recursive parser within the stack.</summary>
    public int MaxSourceLength { get; init; } = 2_000;

    /// <summary>Deepest nesting of brackets ( [ { in the text.</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>Deepest syntax tree (e.g. a chain of 100 <c>+</c>); keeps the interpreter within the stack.</summary>
    public int MaxSyntaxDepth { get; init; } = 100;

    /// <summary>Statements executed per evaluation (function bodies count).</summary>
    public int MaxStatements { get; init; } = 10_000;

    /// <summary>Wall-clock time per evaluation, checked at every statement and every guarded call.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Nested calls (expression functions and built-ins that call back) per evaluation.</summary>
    public int MaxRecursionDepth { get; init; } = 64;

    /// <summary>Longest string the expression may build (input strings are held to the same cap).</summary>
    public int MaxStringLength { get; init; } = 100_000;

    /// <summary>
    /// Longest array the expression may build or hand to a built-in (input arrays too). Jint 2.10's array
    /// built-ins cost several microseconds per element, so this also bounds how long one native call can run.
    /// </summary>
    public int MaxArrayLength { get; init; } = 5_000;

    /// <summary>Bytes the evaluating thread may allocate during one evaluation (measured at every guarded call).</summary>
    public long MaxAllocatedBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Values (objects, arrays, primitives) in all scope variables together.</summary>
    public int MaxInputNodes { get; init; } = 100_000;

    /// <summary>Nesting depth of a scope variable's JSON.</summary>
    public int MaxInputDepth { get; init; } = 32;

    /// <summary>Values in a returned array or object.</summary>
    public int MaxResultNodes { get; init; } = 10_000;

    /// <summary>Time one regular-expression match may take (catastrophic backtracking stops here).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Longest regular-expression pattern.</summary>
    public int MaxRegexPatternLength { get; init; } = 500;

    /// <summary>Compiled expressions kept in the cache (keyed by source text).</summary>
    public int MaxCachedExpressions { get; init; } = 4_096;

    internal void Validate()
    {
        Positive(MaxSourceLength, nameof(MaxSourceLength));
        Positive(MaxNestingDepth, nameof(MaxNestingDepth));
        Positive(MaxSyntaxDepth, nameof(MaxSyntaxDepth));
        Positive(MaxStatements, nameof(MaxStatements));
        Positive(MaxRecursionDepth, nameof(MaxRecursionDepth));
        Positive(MaxStringLength, nameof(MaxStringLength));
        Positive(MaxArrayLength, nameof(MaxArrayLength));
        Positive(MaxInputNodes, nameof(MaxInputNodes));
        Positive(MaxInputDepth, nameof(MaxInputDepth));
        Positive(MaxResultNodes, nameof(MaxResultNodes));
        Positive(MaxRegexPatternLength, nameof(MaxRegexPatternLength));
        Positive(MaxCachedExpressions, nameof(MaxCachedExpressions));
        if (MaxAllocatedBytes <= 0 || Timeout <= TimeSpan.Zero || RegexTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxAllocatedBytes, Timeout and RegexTimeout must be positive.");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"{name} must be positive (was {value}).", name);
        }
    }
}
