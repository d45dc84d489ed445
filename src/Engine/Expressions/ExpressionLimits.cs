namespace LowCode.Engine.Expressions;

/// <summary>
/// The sandbox's limits, with safe defaults; one test each in ExpressionLimitsTests. Every evaluation starts from
/// zero against each of them. The deterministic budgets (statements, recursion, sizes, memory, input and result)
/// are the limits an expression meets: they give the same answer on a busy machine as on an idle one. Wall-clock
/// time is only a backstop (<see cref="Timeout"/>, seconds), set far above what any valid expression takes, so
/// load never turns a valid expression into a failure. The one real-time bound that is not a backstop is
/// <see cref="RegexTimeout"/>, since .NET's backtracking regex engine has no step budget.
/// </summary>
public sealed record ExpressionLimits
{
    /// <summary>The defaults used when none are given.</summary>
    public static ExpressionLimits Default { get; } = new();

    /// <summary>Longest expression text, in characters.</summary>
    public int MaxSourceLength { get; init; } = 2_000;

    /// <summary>Deepest nesting of brackets ( [ { in the text, checked before the text is parsed.</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>Deepest syntax tree (e.g. a chain of 100 <c>+</c>, or arrows nested in arrows); keeps the interpreter within the stack.</summary>
    public int MaxSyntaxDepth { get; init; } = 100;

    /// <summary>
    /// Statements executed per evaluation, in function bodies, plus one per element a built-in such as <c>map</c> or
    /// <c>reduce</c> visits (Jint checks its constraints there too): the budget that stops runaway work deterministically.
    /// 50,000 holds four passes over a 10,000-row table and stops exponential recursion in tens of milliseconds.
    /// </summary>
    public int MaxStatements { get; init; } = 50_000;

    /// <summary>The wall-clock backstop per evaluation: far above any valid expression, so a loaded machine never trips it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Nested calls (expression functions, arrows, and built-ins that call back) per evaluation.</summary>
    public int MaxRecursionDepth { get; init; } = 64;

    /// <summary>
    /// Bytes of the evaluating thread's stack that nested calls may use, counted from where the evaluation starts and
    /// checked at every statement: the recursion budget for calls <see cref="MaxRecursionDepth"/> does not count
    /// (a built-in calling back into the expression: a bound function, <c>valueOf</c> or <c>toString</c> run by an
    /// operator). It depends on the code that runs, never on time or load; the default holds well over
    /// <see cref="MaxRecursionDepth"/> ordinary nested calls.
    /// </summary>
    public int MaxStackBytes { get; init; } = 512 * 1024;

    /// <summary>Longest string the expression may build (input strings are held to the same cap), checked before a built-in allocates it.</summary>
    public int MaxStringLength { get; init; } = 100_000;

    /// <summary>Longest array the expression may build (Jint's MaxArraySize) or receive as input.</summary>
    public int MaxArrayLength { get; init; } = 10_000;

    /// <summary>
    /// Bytes the evaluating thread may allocate during one evaluation (Jint's memory constraint, checked at every
    /// statement, and by the built-ins that build large strings before they build them), garbage included: 8 MB holds
    /// four passes over a 10,000-row table that build new objects (4.8 MB measured), and stops an allocation bomb of
    /// large strings, whose cost is mostly the collector's, within the hostile corpus's 100 ms.
    /// </summary>
    public long MaxAllocatedBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Values (objects, arrays, primitives) in all scope variables together.</summary>
    public int MaxInputNodes { get; init; } = 100_000;

    /// <summary>Nesting depth of a scope variable's JSON; also the deepest text JSON.parse accepts.</summary>
    public int MaxInputDepth { get; init; } = 32;

    /// <summary>Values in a returned array or object.</summary>
    public int MaxResultNodes { get; init; } = 10_000;

    /// <summary>Time one regular-expression match may take: the only real-time bound a hostile expression can meet (catastrophic backtracking).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest regular-expression pattern given to <c>new RegExp</c> or <c>matches</c>.</summary>
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
        Positive(MaxStackBytes, nameof(MaxStackBytes));
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

        if (MaxSyntaxDepth > 1_000 || MaxNestingDepth > 1_000)
        {
            throw new ArgumentException("MaxSyntaxDepth and MaxNestingDepth are at most 1000: deeper trees would not fit the interpreter's stack.");
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
