using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Stands in for a built-in constructor (Array, Date, RegExp, Function) so the sandbox can check or
/// replace its behaviour while <c>new X(...)</c>, <c>X(...)</c> and <c>instanceof X</c> keep working.
/// </summary>
internal sealed class GuardedConstructor : FunctionInstance, IConstructor
{
    private readonly Func<JsValue, JsValue[], JsValue> _call;
    private readonly Func<JsValue[], ObjectInstance> _construct;

    public GuardedConstructor(Jint.Engine engine, Func<JsValue, JsValue[], JsValue> call, Func<JsValue[], ObjectInstance> construct)
        : base(engine, [], null, strict: true)
    {
        _call = call;
        _construct = construct;
        Prototype = engine.Function.PrototypeObject;
        Extensible = true;
    }

    public override JsValue Call(JsValue thisObject, JsValue[] arguments) => _call(thisObject, arguments);

    public ObjectInstance Construct(JsValue[] arguments) => _construct(arguments);
}
