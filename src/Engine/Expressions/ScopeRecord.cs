using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Environments;

namespace LowCode.Engine.Expressions;

/// <summary>
/// The environment record that holds an expression's scope variables as read-only bindings: the names it reads,
/// fixed when the record is made, and their values, replaced at every run. Jint resolves every identifier through
/// the records of the environment chain, so a pair of small arrays answers faster than its dictionary-backed
/// declarative record; the record is kept per program so that a run only writes values.
/// Used only for programs that declare nothing at their top level, so nothing ever adds a binding to it.
/// </summary>
internal sealed class ScopeRecord : EnvironmentRecord
{
    private readonly Jint.Engine _engine;
    private readonly string[] _names;
    private readonly JsValue[] _values;

    public ScopeRecord(Jint.Engine engine, string[] names)
        : base(engine)
    {
        _engine = engine;
        _names = names;
        _values = new JsValue[names.Length];
    }

    /// <summary>Sets the value of the <paramref name="index"/>-th name given to the constructor.</summary>
    public void Set(int index, JsValue value) => _values[index] = value;

    /// <summary>Drops this run's values so a kept record holds no input data between runs.</summary>
    public void Clear() => Array.Clear(_values);

    public override bool HasBinding(string name) => IndexOf(name) >= 0;

    public override JsValue GetBindingValue(string name, bool strict) => _values[IndexOf(name)] ?? JsValue.Undefined;

    public override void SetMutableBinding(string name, JsValue value, bool strict) =>
        throw new JavaScriptException(_engine.TypeError,
            $"'{name}' is an input of the expression and cannot be changed; copy it into a local variable (var) first.");

    public override void CreateMutableBinding(string name, bool canBeDeleted) =>
        throw new InvalidOperationException($"A scope record holds only the expression's inputs; '{name}' cannot be declared in it.");

    public override bool DeleteBinding(string name) => false;

    public override JsValue ImplicitThisValue() => JsValue.Undefined;

    public override string[] GetAllBindingNames() => [.. _names];

    private int IndexOf(string name)
    {
        var names = _names;
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
