using System.Text.Json;
using Jint;
using Jint.Native;

namespace LowCode.Engine.Benchmarks.Expressions;

/// <summary>
/// The baseline: one Jint 4.18 engine, a prepared script, the same limits as the sandbox (statements, recursion,
/// memory, array size, regex timeout, time backstop, no string compilation), inputs set as globals with SetValue and
/// JSON turned into JS values the straightforward way. No isolation at all.
/// </summary>
internal sealed class RawJint : IDisposable
{
    private readonly Jint.Engine _engine;
    private readonly Prepared<Acornima.Ast.Script> _script;

    public RawJint(string source)
    {
        var limits = BenchmarkData.Limits;
        _engine = new Jint.Engine(options =>
        {
            options.Strict = true;
            options.Host.StringCompilationAllowed = false;
            options.Constraints.MaxArraySize = (uint)limits.MaxArrayLength;
            options.Constraints.RegexTimeout = limits.RegexTimeout;
            options.Constraints.StackOverflowGuard = true;
            options.LimitRecursion(limits.MaxRecursionDepth);
            options.MaxStatements(limits.MaxStatements);
            options.LimitMemory(limits.MaxAllocatedBytes);
            options.TimeoutInterval(limits.Timeout);
        });
        _script = Jint.Engine.PrepareScript(source, strict: true);
    }

    public void Set(string name, double value) => _engine.SetValue(name, value);

    public void Set(string name, string value) => _engine.SetValue(name, value);

    public void Set(string name, JsonElement value) => _engine.SetValue(name, Convert(value));

    public bool RunBoolean() => _engine.Evaluate(_script).AsBoolean();

    public double RunNumber() => _engine.Evaluate(_script).AsNumber();

    public void Dispose() => _engine.Dispose();

    private JsValue Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                var items = new JsValue[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[i++] = Convert(item);
                }

                return new JsArray(_engine, items);
            case JsonValueKind.Object:
                var target = new JsObject(_engine);
                foreach (var property in element.EnumerateObject())
                {
                    target.FastSetDataProperty(property.Name, Convert(property.Value));
                }

                return target;
            case JsonValueKind.String:
                return JsString.Create(element.GetString()!);
            case JsonValueKind.Number:
                return JsNumber.Create(element.GetDouble());
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            default:
                return JsValue.Null;
        }
    }
}
