using System.Globalization;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Environments;
using Jint.Runtime.Interop;

namespace LowCode.Engine.Expressions;

/// <summary>
/// One Jint engine prepared for untrusted expressions: strict mode, no CLR access, eval and Function
/// disabled, clock and randomness made deterministic, size-amplifying built-ins guarded, helpers
/// installed, and every built-in object frozen so nothing one evaluation does is visible to the next.
/// Not thread-safe: the evaluator keeps one per thread.
/// </summary>
internal sealed partial class SandboxEngine
{
    /// <summary>Names a kept environment can track (one bit each); an expression reading more gets a fresh one per run.</summary>
    private const int MaxReusableNames = 64;

    /// <summary>Kept environments per engine; past this many programs the set starts again (a form has far fewer).</summary>
    private const int MaxKeptEnvironments = 512;

    private static readonly System.Reflection.FieldInfo ContextsField =
        typeof(Jint.Engine).GetField("_executionContexts", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
        ?? throw new InvalidOperationException("Jint.Engine._executionContexts is missing; the sandbox needs Jint 2.10.");

    private readonly InputConverter _input;
    private readonly Dictionary<Jint.Parser.Ast.Program, KeptEnvironment> _environments = new(ReferenceEqualityComparer.Instance);
    private ScopeValue[] _present = new ScopeValue[8];

    public SandboxEngine(ExpressionLimits limits)
    {
        Engine = new Jint.Engine(options => options
            .Strict()
            .MaxStatements(limits.MaxStatements)
            .TimeoutInterval(limits.Timeout)
            .LocalTimeZone(TimeZoneInfo.Utc)
            .Culture(CultureInfo.InvariantCulture));
        State = new EvaluationState(limits, ExecutionContexts(Engine));
        _input = new InputConverter(Engine, limits);
        State.Begin(DateTimeOffset.UnixEpoch);
        InstallGuards();
        HelperLibrary.Install(this);
        MakeErrorDefaultsOverridable();
        Freeze();
    }

    public Jint.Engine Engine { get; }

    public EvaluationState State { get; }

    /// <summary>Set when an evaluation was cut off in a way that may leave the engine's context stack inconsistent.</summary>
    public bool Broken { get; private set; }

    public JsValue Run(CompiledExpression compiled, ExpressionScope scope) => Run(compiled.Program!, compiled.ReferencedNames, scope);

    public JsValue Run(Jint.Parser.Ast.Program program, string[] referencedNames, ExpressionScope scope)
    {
        State.Begin(scope.Now);
        _input.Reset();
        var (environment, expression) = ScopeEnvironment(program, referencedNames, scope);
        State.StartAllocationBudget();
        var context = Engine.EnterExecutionContext(environment, environment, JsValue.Undefined);
        State.StartDepth();
        try
        {
            Engine.ResetStatementsCount();
            Engine.ResetTimeoutTicks();
            if (expression is null)
            {
                Engine.Execute(program);
                return Engine.GetCompletionValue();
            }

            // A program that is one expression is evaluated as that expression, in strict mode, without the
            // statement machinery around it (a third of a simple condition's cost). The limits are unchanged:
            // statements run only inside the functions it calls, where Jint counts them and checks the time,
            // and every guarded call checks time, depth and allocation.
            Engine.ResetCallStack();
            using (new Jint.StrictModeScope(true))
            {
                return Engine.GetValue(Engine.EvaluateExpression(expression));
            }
        }
        finally
        {
            (environment.Record as ScopeRecord)?.Clear();

            // Jint unwinds its function contexts in finally blocks, so after any stop (a limit included) the
            // context stack is back at ours; if it is not, this engine is not trusted again.
            if (ReferenceEquals(Engine.ExecutionContext, context))
            {
                Engine.LeaveExecutionContext();
            }
            else
            {
                Broken = true;
            }
        }
    }

    /// <summary>
    /// The environment that holds the scope's variables for one run. A program that declares nothing at its top
    /// level cannot add a binding to it (strict mode, no <c>eval</c>, no <c>with</c>), so its environment is kept
    /// per program (and per set of names present) as a <see cref="ScopeRecord"/>, and a run only writes this run's
    /// values into it: nothing one evaluation does survives into the next, and the per-run cost is a lookup
    /// instead of a new environment. A program with top-level declarations gets a fresh declarative environment
    /// every time, so its variables never outlive the run.
    /// </summary>
    private (LexicalEnvironment Environment, Jint.Parser.Ast.Expression? Expression) ScopeEnvironment(
        Jint.Parser.Ast.Program program, string[] referencedNames, ExpressionScope scope)
    {
        if (program.VariableDeclarations.Count != 0 || program.FunctionDeclarations.Count != 0 || referencedNames.Length > MaxReusableNames)
        {
            return (NewEnvironment(referencedNames, scope), null);
        }

        if (_present.Length < referencedNames.Length)
        {
            _present = new ScopeValue[referencedNames.Length];
        }

        var mask = 0UL;
        for (var i = 0; i < referencedNames.Length; i++)
        {
            if (scope.TryGet(referencedNames[i], out _present[i]))
            {
                mask |= 1UL << i;
            }
        }

        try
        {
            if (!_environments.TryGetValue(program, out var kept) || kept.Mask != mask)
            {
                var names = new List<string>();
                for (var i = 0; i < referencedNames.Length; i++)
                {
                    if ((mask & (1UL << i)) != 0)
                    {
                        names.Add(referencedNames[i]);
                    }
                }

                var created = new ScopeRecord(Engine, [.. names]);
                var single = program.Body.Count == 1 && program.Body.First() is Jint.Parser.Ast.ExpressionStatement statement ? statement.Expression : null;
                kept = new KeptEnvironment(new LexicalEnvironment(created, Engine.GlobalEnvironment), created, mask, single);
                if (_environments.Count >= MaxKeptEnvironments)
                {
                    _environments.Clear();
                }

                _environments[program] = kept;
            }

            var record = kept.Record;
            for (int i = 0, bound = 0; i < referencedNames.Length; i++)
            {
                if ((mask & (1UL << i)) != 0)
                {
                    record.Set(bound++, _input.Convert(referencedNames[i], _present[i]));
                }
            }

            return (kept.Environment, kept.Expression);
        }
        finally
        {
            Array.Clear(_present, 0, referencedNames.Length);
        }
    }

    private LexicalEnvironment NewEnvironment(string[] referencedNames, ExpressionScope scope)
    {
        var environment = LexicalEnvironment.NewDeclarativeEnvironment(Engine, Engine.GlobalEnvironment);
        var record = (DeclarativeEnvironmentRecord)environment.Record;
        foreach (var name in referencedNames)
        {
            if (scope.TryGet(name, out var value))
            {
                record.CreateImmutableBinding(name);
                record.InitializeImmutableBinding(name, _input.Convert(name, value));
            }
        }

        return environment;
    }

    /// <summary>
    /// Jint 2.10's stack of execution contexts (private; the package version is pinned). Reading its depth is how
    /// the guards count nested calls without a call on every function exit. Fails loudly if a Jint upgrade moves it.
    /// </summary>
    private static Stack<Jint.Runtime.Environments.ExecutionContext> ExecutionContexts(Jint.Engine engine) =>
        ContextsField.GetValue(engine) as Stack<Jint.Runtime.Environments.ExecutionContext>
            ?? throw new InvalidOperationException("Jint's execution context stack is not where the sandbox expects it (Engine._executionContexts); check the Jint version.");

    internal void DefineGlobal(string name, Func<JsValue, JsValue[], JsValue> function, int length)
        => Replace(Engine.Global, name, new ClrFunctionInstance(Engine, function, length));

    internal static void Replace(ObjectInstance target, string name, JsValue value)
        => target.FastSetProperty(name, new PropertyDescriptor(value, true, false, true));

    /// <summary>
    /// Errors get their message by assignment, which a frozen Error.prototype.message would silently block
    /// (the "override mistake"). The defaults become frozen accessors whose setter gives the error its own property.
    /// </summary>
    private void MakeErrorDefaultsOverridable()
    {
        var prototypes = new[] { Engine.Error, Engine.EvalError, Engine.RangeError, Engine.ReferenceError, Engine.SyntaxError, Engine.TypeError, Engine.UriError }
            .Select(constructor => constructor.PrototypeObject);
        foreach (var prototype in prototypes)
        {
            foreach (var name in new[] { "message", "name" })
            {
                var descriptor = prototype.GetOwnProperty(name);
                if (descriptor == PropertyDescriptor.Undefined || !descriptor.IsDataDescriptor())
                {
                    continue;
                }

                var value = descriptor.Value;
                var getter = new ClrFunctionInstance(Engine, (_, _) => value, 0);
                var setter = new ClrFunctionInstance(Engine, (self, args) =>
                {
                    // The setter is reachable through its descriptor, so it must respect frozen objects itself.
                    if (!self.IsObject() || !self.AsObject().Extensible || self.AsObject().GetOwnProperty(name) != PropertyDescriptor.Undefined)
                    {
                        throw new Jint.Runtime.JavaScriptException(Engine.TypeError, $"Cannot set '{name}' here.");
                    }

                    self.AsObject().FastAddProperty(name, args.Length > 0 ? args[0] : JsValue.Undefined, true, false, true);
                    return JsValue.Undefined;
                }, 1);
                prototype.FastSetProperty(name, new PropertyDescriptor(getter, setter, false, false));
            }
        }
    }

    /// <summary>Freezes every object reachable from the global object, so built-ins and helpers cannot be changed or extended.</summary>
    private void Freeze()
    {
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ObjectInstance>();
        pending.Push(Engine.Global);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var (_, descriptor) in current.GetOwnProperties().ToList())
            {
                Push(descriptor.Value);
                Push(descriptor.Get);
                Push(descriptor.Set);
                descriptor.Configurable = false;
                if (descriptor.IsDataDescriptor())
                {
                    descriptor.Writable = false;
                }
            }

            if (current.Prototype is { } prototype)
            {
                pending.Push(prototype);
            }

            current.Extensible = false;
        }

        void Push(JsValue? value)
        {
            if (value is not null && value.IsObject())
            {
                pending.Push(value.AsObject());
            }
        }
    }

    /// <summary>
    /// An environment kept for one program, with the bit set of scope names bound in it, and the program's only
    /// expression when it is a single expression statement.
    /// </summary>
    private sealed record KeptEnvironment(LexicalEnvironment Environment, ScopeRecord Record, ulong Mask, Jint.Parser.Ast.Expression? Expression);
}
