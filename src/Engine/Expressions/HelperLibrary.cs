using System.Globalization;
using Jint;
using Jint.Native;


using Jint.Native.Object;
using Jint.Runtime;

namespace LowCode.Engine.Expressions;

/// <summary>
/// The helper functions citizen developers call (documented with examples in docs/expressions.md).
/// They are installed once per engine and frozen; bad arguments raise a TypeError naming the helper.
/// </summary>
internal static partial class HelperLibrary
{
    public static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "get", "coalesce", "isEmpty", "iif", "sum", "count", "min", "max", "avg", "contains", "round",
        "today", "now", "dateDiff", "addDays", "addMonths", "age", "matches",
        "lower", "upper", "trim", "len", "startsWith", "endsWith", "left", "right", "join", "text", "toNumber",
    };

    public static void Install(SandboxEngine sandbox)
    {
        var helpers = new Helpers(sandbox);
        sandbox.DefineGlobal("get", Helpers.Get, 3);
        sandbox.DefineGlobal("coalesce", Helpers.Coalesce, 2);
        sandbox.DefineGlobal("isEmpty", (_, a) => Js(IsEmpty(Arg(a, 0))), 1);
        sandbox.DefineGlobal("iif", (_, a) => TypeConverter.ToBoolean(Arg(a, 0)) ? Arg(a, 1) : Arg(a, 2), 3);
        sandbox.DefineGlobal("sum", (_, a) => helpers.Aggregate("sum", a), 2);
        sandbox.DefineGlobal("count", helpers.Count, 3);
        sandbox.DefineGlobal("min", (_, a) => helpers.Aggregate("min", a), 2);
        sandbox.DefineGlobal("max", (_, a) => helpers.Aggregate("max", a), 2);
        sandbox.DefineGlobal("avg", (_, a) => helpers.Aggregate("avg", a), 2);
        sandbox.DefineGlobal("contains", helpers.Contains, 2);
        sandbox.DefineGlobal("round", helpers.Round, 2);
        sandbox.DefineGlobal("today", (_, _) => Js(sandbox.Time.Today), 0);
        sandbox.DefineGlobal("now", (_, _) => Js(ResultConverter.IsoDate(sandbox.Time.Now.ToUnixTimeMilliseconds())), 0);
        sandbox.DefineGlobal("dateDiff", helpers.DateDiff, 3);
        sandbox.DefineGlobal("addDays", (_, a) => helpers.AddDays(a, months: false), 2);
        sandbox.DefineGlobal("addMonths", (_, a) => helpers.AddDays(a, months: true), 2);
        sandbox.DefineGlobal("age", helpers.Age, 2);
        sandbox.DefineGlobal("matches", helpers.Matches, 3);
        sandbox.DefineGlobal("lower", (_, a) => Helpers.MapText("lower", a, s => s.ToLowerInvariant()), 1);
        sandbox.DefineGlobal("upper", (_, a) => Helpers.MapText("upper", a, s => s.ToUpperInvariant()), 1);
        sandbox.DefineGlobal("trim", (_, a) => Helpers.MapText("trim", a, s => s.Trim()), 1);
        sandbox.DefineGlobal("text", (_, a) => Js(Text(Arg(a, 0))), 1);
        sandbox.DefineGlobal("len", Helpers.Length, 1);
        sandbox.DefineGlobal("startsWith", (_, a) => Js(Text(Arg(a, 0)).StartsWith(Text(Arg(a, 1)), StringComparison.Ordinal)), 2);
        sandbox.DefineGlobal("endsWith", (_, a) => Js(Text(Arg(a, 0)).EndsWith(Text(Arg(a, 1)), StringComparison.Ordinal)), 2);
        sandbox.DefineGlobal("left", (_, a) => Helpers.Slice(a, fromStart: true), 2);
        sandbox.DefineGlobal("right", (_, a) => Helpers.Slice(a, fromStart: false), 2);
        sandbox.DefineGlobal("join", helpers.Join, 3);
        sandbox.DefineGlobal("toNumber", (_, a) => ToNumber(Arg(a, 0)) is { } n ? Js(n) : JsValue.Null, 1);
    }

    internal static JsValue Arg(JsValue[] arguments, int index) => index < arguments.Length ? arguments[index] : JsValue.Undefined;

    internal static bool IsEmpty(JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return true;
        }

        if (value.IsString())
        {
            return string.IsNullOrWhiteSpace(value.AsString());
        }

        if (!value.IsObject())
        {
            return false;
        }

        var target = value.AsObject();
        if (target is JsArray)
        {
            return ((JsArray)target).Length == 0;
        }

        return target is not JsDate && target.GetType() == typeof(JsObject) && !target.GetOwnProperties().Any(p => p.Value.Enumerable == true);
    }

    /// <summary>Text for helpers: null and undefined are "", everything else as JavaScript String() would give.</summary>
    internal static string Text(JsValue value) => value.IsUndefined() || value.IsNull() ? string.Empty : TypeConverter.ToString(value);

    /// <summary>A number from a number or a numeric string (form values often arrive as strings); null when empty or not numeric.</summary>
    internal static double? ToNumber(JsValue value)
    {
        if (value.IsNumber())
        {
            return value.AsNumber();
        }

        if (value.IsString() && double.TryParse(value.AsString().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        return null;
    }

    internal static JsValue Js(double value) => JsNumber.Create(value);

    internal static JsValue Js(string value) => JsString.Create(value);

    internal static JsValue Js(bool value) => value ? JsBoolean.True : JsBoolean.False;

    internal static ObjectInstance? AsObject(JsValue value) => value.IsObject() ? value.AsObject() : null;
}
