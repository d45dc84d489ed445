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
    private readonly InputConverter _input;

    public SandboxEngine(ExpressionLimits limits)
    {
        State = new EvaluationState(limits);
        Engine = new Jint.Engine(options => options
            .Strict()
            .MaxStatements(limits.MaxStatements)
            .TimeoutInterval(limits.Timeout)
            .LocalTimeZone(TimeZoneInfo.Utc)
            .Culture(CultureInfo.InvariantCulture));
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
        var environment = LexicalEnvironment.NewDeclarativeEnvironment(Engine, Engine.GlobalEnvironment);
        var record = (DeclarativeEnvironmentRecord)environment.Record;
        _input.Reset();
        foreach (var name in referencedNames)
        {
            if (scope.TryGet(name, out var value))
            {
                record.CreateImmutableBinding(name);
                record.InitializeImmutableBinding(name, _input.Convert(name, value));
            }
        }

        State.StartAllocationBudget();
        var context = Engine.EnterExecutionContext(environment, environment, JsValue.Undefined);
        try
        {
            Engine.ResetStatementsCount();
            Engine.ResetTimeoutTicks();
            Engine.Execute(program);
            return Engine.GetCompletionValue();
        }
        finally
        {
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
}
