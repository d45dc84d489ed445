using System.Text.Json;
using Jint.Native;
using Jint.Parser;
using Jint.Runtime;

namespace LowCode.Engine.Benchmarks.Expressions;

/// <summary>
/// The baseline: one Jint engine, a pre-parsed program, the same statement/time/recursion limits, globals set
/// with SetValue and JSON turned into JS values the straightforward way. No sandbox checks at all.
/// </summary>
internal sealed class RawJint
{
    private readonly Jint.Engine _engine;
    private readonly Jint.Parser.Ast.Program _program;

    public RawJint(string source, bool limitRecursion)
    {
        _engine = new Jint.Engine(options =>
        {
            options.Strict().MaxStatements(10_000).TimeoutInterval(BenchmarkData.Timeout);
            if (limitRecursion)
            {
                options.LimitRecursion(64);
            }
        });
        _program = new JavaScriptParser().Parse(source);
    }

    public void Set(string name, double value) => _engine.SetValue(name, new JsValue(value));

    public void Set(string name, string value) => _engine.SetValue(name, new JsValue(value));

    public void Set(string name, JsonElement value) => _engine.SetValue(name, Convert(value));

    public JsValue Run()
    {
        _engine.ResetStatementsCount();
        _engine.ResetTimeoutTicks();
        return _engine.Execute(_program).GetCompletionValue();
    }

    private JsValue Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                var array = _engine.Array.Construct(Arguments.Empty);
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    array.Put((i++).ToString(System.Globalization.CultureInfo.InvariantCulture), Convert(item), false);
                }

                return array;
            case JsonValueKind.Object:
                var target = _engine.Object.Construct(Arguments.Empty);
                foreach (var property in element.EnumerateObject())
                {
                    target.FastAddProperty(property.Name, Convert(property.Value), true, true, true);
                }

                return target;
            case JsonValueKind.String:
                return new JsValue(element.GetString());
            case JsonValueKind.Number:
                return new JsValue(element.GetDouble());
            case JsonValueKind.True:
                return JsValue.True;
            case JsonValueKind.False:
                return JsValue.False;
            default:
                return JsValue.Null;
        }
    }
}
