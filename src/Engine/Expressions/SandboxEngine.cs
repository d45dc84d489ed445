using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace LowCode.Engine.Expressions;

/// <summary>
/// One Jint 4 engine prepared for untrusted expressions and reused by one thread: strict mode, no CLR access, no
/// string compilation, Jint's own constraints as the deterministic budgets plus a wall-clock backstop, the clock and
/// time zone of the evaluation, only the globals in <see cref="JavaScriptNames.BuiltInGlobals"/> and the helpers, the
/// large-value built-ins bounded before they allocate (<c>SandboxEngine.Guards.cs</c>), and then every object
/// reachable from the global object or from syntax frozen (<see cref="SandboxSetup"/>): nothing one evaluation does is
/// visible to the next. Inputs are the parameters of the expression's wrapper function, never globals.
/// </summary>
internal sealed partial class SandboxEngine
{
    /// <summary>Wrapper functions kept per engine; past this many the set starts again (a form has far fewer).</summary>
    private const int MaxKeptFunctions = 1_024;

    private readonly InputConverter _input;
    private readonly BackstopConstraint _backstop;
    private readonly StackBudgetConstraint _stack;
    private readonly SandboxTimeSystem _time = new();
    private readonly Dictionary<(CompiledExpression, ulong), JsValue> _functions = [];
    private CompiledExpression? _lastCompiled;
    private ulong _lastMask;
    private JsValue? _lastFunction;
    private JsValue[] _arguments = new JsValue[8];

    /// <summary>The thread's allocation counter when the running evaluation started (as Jint's memory budget counts it); null while idle.</summary>
    private long? _allocationStart;

    /// <summary>Argument arrays by length, reused so that a call allocates none (Jint copies what it keeps).</summary>
    private JsValue[][] _argumentsByCount = [];

    public SandboxEngine(ExpressionLimits limits, TimeProvider backstopClock)
    {
        Limits = limits;
        _backstop = new BackstopConstraint(backstopClock, limits.Timeout);
        _stack = new StackBudgetConstraint(limits.MaxStackBytes);
        Engine = new Jint.Engine(options =>
        {
            options.Strict = true;
            options.Culture = CultureInfo.InvariantCulture;
            options.TimeSystem = _time;
            options.Interop.Enabled = false;
            options.Host.StringCompilationAllowed = false;
            options.Constraints.MaxArraySize = (uint)limits.MaxArrayLength;
            options.Constraints.RegexTimeout = limits.RegexTimeout;
            options.Json.MaxParseDepth = limits.MaxInputDepth;
            options.LimitRecursion(limits.MaxRecursionDepth);
            options.Constraints.StackOverflowGuard = true;
            options.MaxStatements(limits.MaxStatements);
            options.LimitMemory(limits.MaxAllocatedBytes);
            options.Constraint(_backstop);
            options.Constraint(_stack);
        });
        _input = new InputConverter(Engine, limits);
        InstallGuards();
        HelperLibrary.Install(this);
        SandboxSetup.RemoveAndFreeze(this);
        _backstop.Armed = true;
    }

    public Jint.Engine Engine { get; }

    public ExpressionLimits Limits { get; }

    /// <summary>The evaluation's instant and time zone, as <c>now()</c>, <c>today()</c> and <c>Date</c> see them.</summary>
    public SandboxTimeSystem Time => _time;

    public JsValue Run(CompiledExpression compiled, ExpressionScope scope)
    {
        _time.Set(scope.Now, scope.TimeZone);
        _input.Reset();
        var names = compiled.ReferencedNames;
        if (_arguments.Length < names.Length)
        {
            _arguments = new JsValue[names.Length];
        }

        var mask = 0UL;
        var count = 0;
        try
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (scope.TryGet(names[i], out var value))
                {
                    mask |= 1UL << i;
                    _arguments[count++] = _input.Convert(names[i], value);
                }
            }

            var function = Function(compiled, mask);
            _stack.Begin();
            _allocationStart = GC.GetAllocatedBytesForCurrentThread();
            return Engine.Call(function, JsValue.Undefined, Arguments(count));
        }
        finally
        {
            _stack.End();
            _allocationStart = null;
            Array.Clear(_arguments, 0, count);
            if (count < _argumentsByCount.Length && _argumentsByCount[count] is { } used)
            {
                Array.Clear(used);
            }
        }
    }

    private JsValue[] Arguments(int count)
    {
        if (_argumentsByCount.Length <= count)
        {
            Array.Resize(ref _argumentsByCount, count + 1);
        }

        var arguments = _argumentsByCount[count] ??= new JsValue[count];
        Array.Copy(_arguments, arguments, count);
        return arguments;
    }

    private JsValue Function(CompiledExpression compiled, ulong mask)
    {
        // The same expression evaluated again and again (a condition over many facts, a column over many rows) skips the lookup.
        if (ReferenceEquals(compiled, _lastCompiled) && mask == _lastMask)
        {
            return _lastFunction!;
        }

        if (!_functions.TryGetValue((compiled, mask), out var function))
        {
            function = Prepare(compiled, mask);
        }

        (_lastCompiled, _lastMask, _lastFunction) = (compiled, mask, function);
        return function;
    }

    private JsValue Prepare(CompiledExpression compiled, ulong mask)
    {
        if (_functions.Count >= MaxKeptFunctions)
        {
            _functions.Clear();
        }

        var function = Engine.Evaluate(compiled.Wrapper(mask));
        _functions[(compiled, mask)] = function;
        return function;
    }

    internal void DefineGlobal(string name, Func<JsValue, JsValue[], JsValue> function, int length)
        => Replace(Engine.Global, name, new ClrFunction(Engine, name, function, length, PropertyFlag.Configurable));

    internal static void Replace(ObjectInstance target, string name, JsValue value)
        => target.FastSetProperty(name, new PropertyDescriptor(value, writable: true, enumerable: false, configurable: true));

    internal ClrFunction Function(string name, Func<JsValue, JsValue[], JsValue> body, int length)
        => new(Engine, name, body, length, PropertyFlag.Configurable);

    internal static SandboxLimitException Forbidden(string name) => new(ExpressionErrorCategory.Forbidden,
        $"'{name}' is not available: it would run text as code outside the sandbox's checks.", "Write the logic directly in the expression.");
}
