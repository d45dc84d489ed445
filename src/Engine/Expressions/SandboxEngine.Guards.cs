using System.Text;
using System.Text.RegularExpressions;
using Jint.Native;
using Jint.Native.Array;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Native.RegExp;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace LowCode.Engine.Expressions;

/// <summary>The guards: replacements and wrappers for every built-in that can grow memory, run long in native code, or leave the sandbox.</summary>
internal sealed partial class SandboxEngine
{
    private enum GuardKind
    {
        Plain,
        ArrayMethod,
        StringMethod,
        RegExpMethod,
    }

    private void InstallGuards()
    {
        var global = Engine.Global;
        DefineGlobal(SyntaxChecker.AddFunction, Add, 2);
        DefineGlobal(SyntaxChecker.EnterFunction, (_, _) =>
        {
            State.EnterFunction();
            return JsValue.Undefined;
        }, 0);
        DefineGlobal(ProbeProgram.ProbeFunction, (_, args) =>
        {
            State.LastProbe = ((int)args[1].AsNumber(), args[0]);
            return args[0];
        }, 2);

        var forbidden = new GuardedConstructor(Engine, (_, _) => throw Forbidden("Function"), _ => throw Forbidden("Function"));
        Replace(global, "Function", forbidden);
        Replace(Engine.Function.PrototypeObject, "constructor", forbidden);
        DefineGlobal("eval", (_, _) => throw Forbidden("eval"), 1);
        Replace(Engine.Math, "random", new ClrFunctionInstance(Engine, (_, _) => throw new SandboxLimitException(
            ExpressionErrorCategory.Forbidden, "Math.random() is not available: an expression must give the same answer every time it is replayed."), 0));

        InstallArrayConstructor();
        InstallDateConstructor();
        InstallRegExpConstructor();

        WrapAll(Engine.Array.PrototypeObject, GuardKind.ArrayMethod);
        Replace(Engine.Array.PrototypeObject, "join", Guarded(Join, 1));
        InstallArrayMethods();
        WrapAll(Engine.String.PrototypeObject, GuardKind.StringMethod);
        Replace(Engine.String.PrototypeObject, "concat", Guarded(ConcatStrings, 1));
        var split = Engine.String.PrototypeObject.Get("split").AsObject() as ICallable;
        Replace(Engine.String.PrototypeObject, "split", Guarded(Split(split!), 2));
        WrapAll(Engine.String, GuardKind.Plain);
        WrapAll(Engine.RegExp.PrototypeObject, GuardKind.RegExpMethod);
        WrapAll(Engine.Object, GuardKind.Plain);
        WrapAll(Engine.Function.PrototypeObject, GuardKind.Plain);
        Replace(Engine.Function.PrototypeObject, "apply", Guarded(Apply(Engine.Function.PrototypeObject.Get("apply").AsObject() as ICallable), 2));
        WrapAll(Engine.Json, GuardKind.Plain);
        Replace(Engine.Json, "stringify", Guarded(Stringify(Engine.Json.Get("stringify").AsObject() as ICallable), 3));
        Replace(Engine.Json, "parse", Guarded(Parse(Engine.Json.Get("parse").AsObject() as ICallable), 2));
        foreach (var name in new[] { "encodeURI", "encodeURIComponent", "decodeURI", "decodeURIComponent", "parseInt", "parseFloat" })
        {
            if (global.Get(name).AsObject() is FunctionInstance function)
            {
                Replace(global, name, Wrap(function, GuardKind.Plain));
            }
        }
    }

    private static SandboxLimitException Forbidden(string name) => new(ExpressionErrorCategory.Forbidden,
        $"'{name}' is not available: it would run text as code outside the sandbox's checks.", "Write the logic directly in the expression.");

    /// <summary>JavaScript's + operator with a length check before a string is built.</summary>
    private JsValue Add(JsValue self, JsValue[] arguments)
    {
        var left = TypeConverter.ToPrimitive(arguments[0], Types.None);
        var right = TypeConverter.ToPrimitive(arguments[1], Types.None);
        if (!left.IsString() && !right.IsString())
        {
            return new JsValue(TypeConverter.ToNumber(left) + TypeConverter.ToNumber(right));
        }

        var leftText = TypeConverter.ToString(left);
        var rightText = TypeConverter.ToString(right);
        State.CheckString(leftText.Length + rightText.Length);
        State.Check();
        return new JsValue(string.Concat(leftText, rightText));
    }

    private void InstallArrayConstructor()
    {
        var original = Engine.Array;
        var guarded = new GuardedConstructor(Engine,
            (self, args) => { CheckArrayConstructor(args); return original.Call(self, args); },
            args => { CheckArrayConstructor(args); return original.Construct(args); });
        CopyStatics(original, guarded);
        Replace(Engine.Global, "Array", guarded);
        Replace(original.PrototypeObject, "constructor", guarded);
    }

    private void CheckArrayConstructor(JsValue[] arguments)
    {
        if (arguments.Length == 1 && arguments[0].IsNumber())
        {
            State.CheckArray(arguments[0].AsNumber());
        }

        State.CheckArray(arguments.Length);
    }

    private void InstallDateConstructor()
    {
        var original = Engine.Date;
        var guarded = new GuardedConstructor(Engine,
            (_, _) => new JsValue(TypeConverter.ToString(original.Construct([new JsValue(State.NowMilliseconds)]))),
            args => original.Construct(args.Length == 0 ? [new JsValue(State.NowMilliseconds)] : args));
        CopyStatics(original, guarded);
        Replace(guarded, "now", new ClrFunctionInstance(Engine, (_, _) => new JsValue(State.NowMilliseconds), 0));
        Replace(Engine.Global, "Date", guarded);
        Replace(original.PrototypeObject, "constructor", guarded);
    }

    private void InstallRegExpConstructor()
    {
        var original = Engine.RegExp;
        var guarded = new GuardedConstructor(Engine,
            (self, args) => { CheckPattern(args); return Protect(original.Call(self, args)); },
            args => { CheckPattern(args); return Protect(original.Construct(args)).AsObject(); });
        CopyStatics(original, guarded);
        Replace(Engine.Global, "RegExp", guarded);
        Replace(original.PrototypeObject, "constructor", guarded);
    }

    private void CheckPattern(JsValue[] arguments)
    {
        if (arguments.Length > 0 && arguments[0].IsString() && arguments[0].AsString().Length > State.Limits.MaxRegexPatternLength)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                $"A regular expression pattern is longer than {State.Limits.MaxRegexPatternLength} characters.", "Use a shorter pattern.");
        }
    }

    private JsValue Protect(JsValue value)
    {
        if (value.IsObject() && value.AsObject() is RegExpInstance regex && regex.Value is { } inner)
        {
            regex.Value = RegexGuard.WithTimeout(inner, State.Limits.RegexTimeout);
        }

        return value;
    }

    private static void CopyStatics(FunctionInstance from, FunctionInstance to)
    {
        foreach (var (name, descriptor) in from.GetOwnProperties().ToList())
        {
            to.FastSetProperty(name, new Jint.Runtime.Descriptors.PropertyDescriptor(descriptor));
        }
    }

    private void WrapAll(ObjectInstance target, GuardKind kind)
    {
        foreach (var (name, descriptor) in target.GetOwnProperties().ToList())
        {
            if (name != "constructor" && descriptor.Value is { } value && value.IsObject() && value.AsObject() is FunctionInstance function)
            {
                target.FastSetProperty(name, new Jint.Runtime.Descriptors.PropertyDescriptor(
                    Wrap(function, kind, name), descriptor.Writable, descriptor.Enumerable, descriptor.Configurable));
            }
        }
    }

    private ClrFunctionInstance Wrap(FunctionInstance function, GuardKind kind, string name = "")
    {
        var length = function is FunctionInstance instance ? (int)TypeConverter.ToNumber(instance.Get("length")) : 0;
        return Guarded((self, args) =>
        {
            switch (kind)
            {
                case GuardKind.ArrayMethod:
                    CheckArrayLike(self);
                    foreach (var argument in args)
                    {
                        CheckArrayLike(argument, onlyArrays: true);
                    }

                    CheckGrowth(name, self, args);
                    break;
                case GuardKind.StringMethod:
                    args = PrepareStringMethod(self, name, args);
                    break;
                case GuardKind.RegExpMethod:
                    Protect(self);
                    break;
                case GuardKind.Plain when name == "create" && args.Length > 0 && args[0].IsObject():
                    CheckPrototypeChain(args[0].AsObject());
                    break;
                default:
                    break;
            }

            return function.Call(self, args);
        }, length);
    }

    /// <summary>Counts the call's depth, then checks the size of what it returned, the clock and the allocation budget.</summary>
    private ClrFunctionInstance Guarded(Func<JsValue, JsValue[], JsValue> body, int length)
        => new(Engine, (self, args) =>
        {
            State.EnterBuiltIn();
            try
            {
                var result = body(self, args);
                if (result.IsString())
                {
                    State.CheckString(result.AsString().Length);
                }
                else if (result.IsObject() && result.AsObject() is ArrayInstance array)
                {
                    State.CheckArray(TypeConverter.ToNumber(array.Get("length")));
                }

                State.Check();
                return result;
            }
            finally
            {
                State.LeaveBuiltIn();
            }
        }, length);

    /// <summary>Jint looks properties up the prototype chain recursively, so an extremely long chain could exhaust the stack.</summary>
    private static void CheckPrototypeChain(ObjectInstance prototype)
    {
        const int MaxChain = 1_000;
        var length = 0;
        for (var current = prototype; current is not null; current = current.Prototype)
        {
            if (++length > MaxChain)
            {
                throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                    $"Object.create would make a prototype chain longer than {MaxChain}.", "Use plain objects.");
            }
        }
    }

    private void CheckArrayLike(JsValue value, bool onlyArrays = false)
    {
        if (!value.IsObject())
        {
            return;
        }

        var target = value.AsObject();
        if (onlyArrays && target is not ArrayInstance)
        {
            return;
        }

        var length = target.GetProperty("length");
        if (length.IsDataDescriptor() && length.Value is { } number && number.IsNumber())
        {
            State.CheckArray(TypeConverter.ToUint32(number));
        }
    }

    /// <summary>The methods that build longer arrays are checked on the length they would produce, before Jint's slow element-by-element copy.</summary>
    private void CheckGrowth(string name, JsValue self, JsValue[] arguments)
    {
        if (name is not ("concat" or "push" or "unshift" or "splice") || !self.IsObject())
        {
            return;
        }

        double length = TypeConverter.ToUint32(self.AsObject().Get("length"));
        if (name == "concat")
        {
            foreach (var argument in arguments)
            {
                length += argument.IsObject() && argument.AsObject() is ArrayInstance array ? TypeConverter.ToUint32(array.Get("length")) : 1;
            }
        }
        else
        {
            length += name == "splice" ? Math.Max(0, arguments.Length - 2) : arguments.Length;
        }

        State.CheckArray(length);
    }

    private JsValue[] PrepareStringMethod(JsValue self, string name, JsValue[] arguments)
    {
        if (arguments.Length == 0)
        {
            return arguments;
        }

        var copy = (JsValue[])arguments.Clone();
        if (name is "match" or "search" && !copy[0].IsRegExp() && !copy[0].IsUndefined())
        {
            CheckPattern(copy);
            copy[0] = Protect(Engine.RegExp.Construct([copy[0]]));
        }
        else
        {
            Protect(copy[0]);
        }

        if (name == "replace" && copy.Length > 1)
        {
            CheckReplace(TypeConverter.ToString(self), copy);
        }

        return copy;
    }

    /// <summary>Bounds a replace before it runs: its output can be far larger than its input ($&amp;, $', long replacements, a callback).</summary>
    private void CheckReplace(string text, JsValue[] arguments)
    {
        var limit = State.Limits.MaxStringLength;
        if (arguments[1].IsObject() && arguments[1].AsObject() is ICallable callback)
        {
            var produced = 0L;
            arguments[1] = new ClrFunctionInstance(Engine, (self, args) =>
            {
                var result = TypeConverter.ToString(callback.Call(self, args));
                produced += result.Length;
                State.CheckString((int)Math.Min(int.MaxValue, produced + text.Length));
                return new JsValue(result);
            }, 1);
            return;
        }

        var replacement = TypeConverter.ToString(arguments[1]);
        var perMatch = replacement.Contains('$', StringComparison.Ordinal) ? replacement.Length + (long)text.Length * 2 : replacement.Length;
        if (text.Length + (text.Length + 1L) * perMatch <= limit)
        {
            return;
        }

        long matches = 1;
        if (arguments[0].IsObject() && arguments[0].AsObject() is RegExpInstance { Global: true } regex)
        {
            matches = regex.Value.Count(text);
        }

        var bound = text.Length + matches * perMatch;
        State.CheckString((int)Math.Min(int.MaxValue, bound));
    }

    /// <summary>Array.prototype.join with a running length check; a cycle joins as empty, as in browsers.</summary>
    private JsValue Join(JsValue self, JsValue[] arguments)
    {
        var target = TypeConverter.ToObject(Engine, self);
        var length = TypeConverter.ToUint32(target.Get("length"));
        State.CheckArray(length);
        var separator = arguments.Length > 0 && !arguments[0].IsUndefined() ? TypeConverter.ToString(arguments[0]) : ",";
        if (!State.Joining.Add(target))
        {
            return new JsValue(string.Empty);
        }

        try
        {
            var text = new StringBuilder();
            for (uint i = 0; i < length; i++)
            {
                if (i > 0)
                {
                    text.Append(separator);
                }

                var element = ArrayAccess.Get(target, i);
                if (!element.IsUndefined() && !element.IsNull())
                {
                    text.Append(TypeConverter.ToString(element));
                }

                State.CheckString(text.Length);
            }

            return new JsValue(text.ToString());
        }
        finally
        {
            State.Joining.Remove(target);
        }
    }

    /// <summary>
    /// String.prototype.split by a string separator in linear time with the array cap checked before the array is
    /// built (Jint's own is quadratic on long inputs); regular-expression separators go to the guarded original.
    /// </summary>
    private Func<JsValue, JsValue[], JsValue> Split(ICallable original) => (self, args) =>
    {
        var separator = args.Length > 0 ? args[0] : JsValue.Undefined;
        if (separator.IsObject() || (args.Length > 1 && !args[1].IsUndefined()))
        {
            var copy = (JsValue[])args.Clone();
            if (copy.Length > 0)
            {
                Protect(copy[0]);
            }

            return original.Call(self, copy);
        }

        TypeConverter.CheckObjectCoercible(Engine, self);
        var text = TypeConverter.ToString(self);
        string[] parts;
        if (separator.IsUndefined())
        {
            parts = [text];
        }
        else
        {
            var by = TypeConverter.ToString(separator);
            if (by.Length == 0)
            {
                State.CheckArray(text.Length);
                parts = text.Select(c => c.ToString()).ToArray();
            }
            else
            {
                var count = 1;
                for (var at = text.IndexOf(by, StringComparison.Ordinal); at >= 0; at = text.IndexOf(by, at + by.Length, StringComparison.Ordinal))
                {
                    State.CheckArray(++count);
                }

                parts = text.Split(by);
            }
        }

        return ArrayAccess.Create(Engine, parts.Select(part => new JsValue(part)).ToList());
    };

    private JsValue ConcatStrings(JsValue self, JsValue[] arguments)
    {
        TypeConverter.CheckObjectCoercible(Engine, self);
        var text = new StringBuilder(TypeConverter.ToString(self));
        foreach (var argument in arguments)
        {
            var part = TypeConverter.ToString(argument);
            State.CheckString(text.Length + part.Length);
            text.Append(part);
        }

        return new JsValue(text.ToString());
    }

    private Func<JsValue, JsValue[], JsValue> Apply(ICallable? original) => (self, args) =>
    {
        if (args.Length > 1)
        {
            CheckArrayLike(args[1]);
        }

        return original!.Call(self, args);
    };

    /// <summary>Jint's JSON parser recurses once per nesting level and would overflow the stack on text like [[[[...]]]].</summary>
    private Func<JsValue, JsValue[], JsValue> Parse(ICallable? original) => (self, args) =>
    {
        if (args.Length > 0 && args[0].IsString())
        {
            var text = args[0].AsString();
            var depth = 0;
            var inString = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }
                }
                else if (c == '"')
                {
                    inString = true;
                }
                else if (c is '[' or '{' && ++depth > State.Limits.MaxInputDepth)
                {
                    throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                        $"JSON.parse was given text nested more than {State.Limits.MaxInputDepth} levels deep.", "Parse flatter JSON.");
                }
                else if (c is ']' or '}')
                {
                    depth--;
                }
            }
        }

        return original!.Call(self, args);
    };

    private Func<JsValue, JsValue[], JsValue> Stringify(ICallable? original) => (self, args) =>
    {
        if (args.Length > 1 && args[1].IsObject() && args[1].AsObject() is ICallable)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.Forbidden, "JSON.stringify with a replacer function is not supported in expressions.",
                "Build the object you want, then stringify it.");
        }

        var indent = args.Length > 2 ? Math.Min(10, args[2].IsNumber() ? (int)args[2].AsNumber() : args[2].IsString() ? args[2].AsString().Length : 0) : 0;
        long size = 0;
        if (args.Length > 0)
        {
            EstimateJson(args[0], 0, indent, ref size);
        }

        return original!.Call(self, args);
    };

    /// <summary>Sizes JSON.stringify's output before it is built, since Jint builds it in one native call.</summary>
    private void EstimateJson(JsValue value, int depth, int indent, ref long size)
    {
        size += 8 + (long)depth * indent;
        if (size > State.Limits.MaxStringLength)
        {
            State.CheckString((int)Math.Min(int.MaxValue, size));
        }

        if (value.IsString())
        {
            size += value.AsString().Length + 2;
            return;
        }

        if (!value.IsObject() || value.AsObject() is ICallable)
        {
            return;
        }

        if (depth > State.Limits.MaxResultNodes || depth > 200)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit, "JSON.stringify was given a value nested too deeply (or circular).",
                "Stringify a flatter value.");
        }

        var target = value.AsObject();
        if (!value.IsDate() && target.GetProperty("toJSON") is { } toJson && toJson != Jint.Runtime.Descriptors.PropertyDescriptor.Undefined)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.Forbidden, "JSON.stringify of objects with a toJSON method is not supported in expressions.",
                "Build the plain object you want, then stringify it.");
        }

        if (target is ArrayInstance)
        {
            CheckArrayLike(value);
        }

        foreach (var (name, descriptor) in target.GetOwnProperties().ToList())
        {
            if (descriptor.Enumerable != true)
            {
                continue;
            }

            if (!descriptor.IsDataDescriptor())
            {
                throw new SandboxLimitException(ExpressionErrorCategory.Forbidden, "JSON.stringify of objects with getters is not supported in expressions.",
                    "Build a plain object, then stringify it.");
            }

            size += name.Length + 4;
            EstimateJson(descriptor.Value, depth + 1, indent, ref size);
        }
    }

    internal static Regex ProtectedRegex(string pattern, RegexOptions options, TimeSpan timeout) => RegexGuard.Get(pattern, options, timeout);
}
