using System.Buffers;
using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace LowCode.Engine.Expressions;

/// <summary>
/// The hand-made guards that remain on Jint 4 (see docs/expressions.md, "What the sandbox adds to Jint"): built-ins
/// that build a large string in one native call are checked against <see cref="ExpressionLimits.MaxStringLength"/>
/// before they allocate (Jint's memory constraint is only checked between operations); the native recursions of
/// join/flat/stringify are bounded; Math.random and the Function constructor throw an error no script can catch.
/// </summary>
internal sealed partial class SandboxEngine
{
    private const int MaxNativeNesting = 64;
    private readonly HashSet<ObjectInstance> _joining = new(ReferenceEqualityComparer.Instance);

    /// <summary>Array members left unwrapped: push, pop and at touch one element, join checks the length itself, constructor is no method.</summary>
    private static readonly HashSet<string> ConstantTimeArrayMethods = ["constructor", "push", "pop", "at", "join"];

    private void InstallGuards()
    {
        GuardArrayLengths();
        var strings = Path("String.prototype");
        Wrap(strings, "repeat", (self, args, original) =>
        {
            var text = Text(self);
            var count = args.Length > 0 ? TypeConverter.ToIntegerOrInfinity(args[0]) : 0;
            CheckString(text.Length * Math.Max(0, count));
            return original(self, args);
        });
        foreach (var name in new[] { "padStart", "padEnd" })
        {
            Wrap(strings, name, (self, args, original) =>
            {
                CheckString(args.Length > 0 ? TypeConverter.ToIntegerOrInfinity(args[0]) : 0);
                return original(self, args);
            });
        }

        Wrap(strings, "concat", (self, args, original) =>
        {
            double length = Text(self).Length;
            foreach (var argument in args)
            {
                length += argument.IsString() ? argument.AsString().Length : 32;
            }

            CheckString(length);
            return original(self, args);
        });
        foreach (var name in new[] { "normalize", "toUpperCase", "toLowerCase", "toLocaleUpperCase", "toLocaleLowerCase" })
        {
            // Their output grows by a bounded factor only (at most 3x for case mapping, 18x for NFKD where the runtime has
            // ICU; with InvariantGlobalization, as built here, normalize leaves non-ASCII text as it is), so the result is
            // checked: no string over the cap reaches the expression, and the one built is well inside the memory budget.
            Wrap(strings, name, (self, args, original) =>
            {
                var result = original(self, args);
                CheckString(result.IsString() ? result.AsString().Length : 0);
                return result;
            });
        }

        foreach (var name in new[] { "encodeURI", "encodeURIComponent" })
        {
            Wrap(Engine.Global, name, (self, args, original) =>
            {
                CheckString(args.Length > 0 ? EncodedLength(TypeConverter.ToString(args[0]), name == "encodeURI") : 9);
                return original(self, args);
            });
        }

        Wrap(strings, "replace", (self, args, original) => Replace(self, args, original));
        Wrap(strings, "replaceAll", (self, args, original) => Replace(self, args, original));
        Wrap(Path("Array.prototype"), "join", Join);
        Wrap(Path("Array.prototype"), "flat", (self, args, original) =>
        {
            var depth = args.Length > 0 && !args[0].IsUndefined() ? TypeConverter.ToIntegerOrInfinity(args[0]) : 1;
            if (depth > MaxNativeNesting && self.IsObject())
            {
                Nesting(self, 0);
            }

            return original(self, args);
        });
        Wrap(Path("JSON"), "stringify", (self, args, original) =>
        {
            if (args.Length > 1 && args[1].IsObject() && args[1].AsObject() is Jint.Native.Function.Function)
            {
                throw new SandboxLimitException(ExpressionErrorCategory.Forbidden, "JSON.stringify with a replacer function is not supported in expressions.",
                    "Build the object you want, then stringify it.");
            }

            var indent = args.Length > 2 ? Math.Min(10, args[2].IsNumber() ? (int)Math.Max(0, args[2].AsNumber()) : args[2].IsString() ? args[2].AsString().Length : 0) : 0;
            long size = 0;
            if (args.Length > 0)
            {
                EstimateJson(args[0], 0, indent, ref size);
                CheckString(size - 1);
            }

            return original(self, args);
        });
        Replace(Path("Math"), "random", Function("random", (_, _) => throw new SandboxLimitException(ExpressionErrorCategory.Forbidden,
            "Math.random() is not available: an expression must give the same answer every time it is replayed."), 0));
        Replace(Path("Function.prototype"), "constructor", Function("Function", (_, _) => throw Forbidden("Function"), 1));
    }

    /// <summary>
    /// Every Array method that walks the elements checks the length first: <c>a[4294967294] = 1</c> makes a sparse
    /// array four billion long without allocating, and Jint's reverse, sort, includes, forEach, reduce, fill... would
    /// then visit every index (seconds, or the memory budget after hundreds of milliseconds). Join has its own check.
    /// </summary>
    private void GuardArrayLengths()
    {
        var prototype = Path("Array.prototype");
        var wrappers = new Dictionary<JsValue, JsValue>(ReferenceEqualityComparer.Instance);
        foreach (var key in prototype.GetOwnPropertyKeys(Types.String | Types.Symbol))
        {
            var original = prototype.Get(key);
            if ((key.IsString() && ConstantTimeArrayMethods.Contains(key.AsString())) || !original.IsObject() || original.AsObject() is not Jint.Native.Function.Function)
            {
                continue;
            }

            if (!wrappers.TryGetValue(original, out var wrapper))
            {
                var name = TypeConverter.ToString(original.AsObject().Get("name"));
                var length = (int)TypeConverter.ToNumber(original.AsObject().Get("length"));
                wrapper = Function(name, (self, args) =>
                {
                    CheckArrayLength(self);
                    return Engine.Call(original, self, args);
                }, length);
                wrappers[original] = wrapper;
            }

            prototype.FastSetProperty(key, new Jint.Runtime.Descriptors.PropertyDescriptor(wrapper, writable: true, enumerable: false, configurable: true));
        }

        Wrap(Path("Array"), "from", (self, args, original) =>
        {
            if (args.Length > 0 && args[0].IsObject())
            {
                CheckArrayLength(args[0]);
            }

            return original(self, args);
        });
    }

    /// <summary>The length of an array (or array-like) a built-in is about to walk, against <see cref="ExpressionLimits.MaxArrayLength"/>.</summary>
    private void CheckArrayLength(JsValue value)
    {
        double length = value switch
        {
            JsArray array => array.Length,
            ObjectInstance target when target.HasProperty("length") => TypeConverter.ToLength(target.Get("length")),
            _ => 0,
        };
        if (length > Limits.MaxArrayLength)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                string.Create(CultureInfo.InvariantCulture, $"An array of {length:0} items is over the limit of {Limits.MaxArrayLength}."), "Work on fewer items.");
        }
    }

    /// <summary>An object reached from the global object by a dotted path, e.g. <c>String.prototype</c>.</summary>
    internal ObjectInstance Path(string path)
    {
        ObjectInstance current = Engine.Global;
        foreach (var part in path.Split('.'))
        {
            current = current.Get(part).AsObject();
        }

        return current;
    }

    /// <summary>
    /// A string a built-in is about to build, checked before it is allocated: its length against
    /// <see cref="ExpressionLimits.MaxStringLength"/>, and its bytes (two per character) against what the evaluation has
    /// left of <see cref="ExpressionLimits.MaxAllocatedBytes"/>. Jint checks the memory budget between statements only,
    /// so without the second check one statement could still build its whole output past the budget first.
    /// </summary>
    public void CheckString(double length)
    {
        if (length > Limits.MaxStringLength)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                string.Create(CultureInfo.InvariantCulture, $"A string would grow to {length:0} characters; the limit is {Limits.MaxStringLength}."),
                "Build shorter strings.");
        }

        if (_allocationStart is { } start && GC.GetAllocatedBytesForCurrentThread() - start + (2 * length) > Limits.MaxAllocatedBytes)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                string.Create(CultureInfo.InvariantCulture,
                    $"The expression would allocate more memory than its budget allows (a string of {length:0} characters, past the {Limits.MaxAllocatedBytes / 1024} KB budget)."),
                "Build smaller strings and arrays.");
        }
    }

    private void Wrap(ObjectInstance target, string name, Func<JsValue, JsValue[], Func<JsValue, JsValue[], JsValue>, JsValue> guard)
    {
        var original = target.Get(name);
        var length = (int)TypeConverter.ToNumber(original.AsObject().Get("length"));
        JsValue Call(JsValue self, JsValue[] args) => Engine.Call(original, self, args);
        Replace(target, name, Function(name, (self, args) => guard(self, args, Call), length));
    }

    private string Text(JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            throw new JavaScriptException(Engine.Intrinsics.TypeError, "String.prototype method called on null or undefined");
        }

        return TypeConverter.ToString(value);
    }

    /// <summary>Bounds a replace before it runs: its output can be far larger than its input ($&amp;, $', long replacements, a callback).</summary>
    private JsValue Replace(JsValue self, JsValue[] args, Func<JsValue, JsValue[], JsValue> original)
    {
        var text = Text(self);
        if (args.Length < 2)
        {
            return original(self, args);
        }

        var copy = (JsValue[])args.Clone();
        if (copy[1].IsObject() && copy[1].AsObject() is Jint.Native.Function.Function callback)
        {
            long produced = text.Length;
            copy[1] = Function("replacer", (thisValue, callArgs) =>
            {
                var part = TypeConverter.ToString(Engine.Call(callback, thisValue, callArgs));
                produced += part.Length;
                CheckString(produced);
                return JsString.Create(part);
            }, 1);
            return original(self, copy);
        }

        var replacement = TypeConverter.ToString(copy[1]);
        copy[1] = JsString.Create(replacement);
        long perMatch = replacement.Contains('$', StringComparison.Ordinal) ? replacement.Length + (2L * text.Length) : replacement.Length;
        if (text.Length + ((text.Length + 1L) * perMatch) > Limits.MaxStringLength)
        {
            // Count the matches exactly with a replacer that adds nothing (its output only shrinks), then bound the real one.
            long matches = 0;
            original(self, [copy[0], Function("count", (_, _) => { matches++; return JsString.Empty; }, 0)]);
            CheckString(text.Length + (matches * perMatch));
        }

        return original(self, copy);
    }

    /// <summary>Array.prototype.join with its output bounded before it is built; a cycle joins as empty, as in browsers.</summary>
    private JsValue Join(JsValue self, JsValue[] args, Func<JsValue, JsValue[], JsValue> original)
    {
        if (!self.IsObject())
        {
            return original(self, args);
        }

        var target = self.AsObject();
        if (_joining.Contains(target))
        {
            return JsString.Empty;
        }

        if (_joining.Count >= MaxNativeNesting)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.RecursionLimit,
                $"Arrays are joined inside each other more than {MaxNativeNesting} levels deep.", "Join a flatter array.");
        }

        var separator = args.Length > 0 && !args[0].IsUndefined() ? TypeConverter.ToString(args[0]) : ",";
        var length = TypeConverter.ToLength(target.Get("length"));
        if (length > (ulong)Limits.MaxArrayLength)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                string.Create(CultureInfo.InvariantCulture, $"An array of {length} items is over the limit of {Limits.MaxArrayLength}."), "Work on fewer items.");
        }

        double size = length == 0 ? 0 : (length - 1) * (double)separator.Length;
        var array = target as JsArray;
        var parts = array is null ? null : ArrayPool<string?>.Shared.Rent((int)length);
        try
        {
            for (uint i = 0; i < length && array is not null; i++)
            {
                // Each element is read once, as Jint's join would: a getter runs once and cannot change what is joined.
                var element = array.TryGetValue(i, out var item) ? item : JsValue.Undefined;
                if (element.IsObject() || element.IsSymbol())
                {
                    parts = Release(parts);
                    continue;
                }

                var text = element.IsString() ? element.AsString() : element.IsNull() || element.IsUndefined() ? null : parts is null ? null : TypeConverter.ToString(element);
                size += text?.Length ?? (element.IsNull() || element.IsUndefined() ? 0 : 24);
                if (parts is not null)
                {
                    parts[i] = text;
                }
            }

            CheckString(size);
            if (parts is not null)
            {
                // Every element a primitive (no script's toString can run): joined here in one pass, where Jint's own
                // join reads every hole again through the prototype chain with a new string key.
                return JsString.Create(string.Create((int)size, (parts, length: (int)length, separator), static (span, state) =>
                {
                    var position = 0;
                    for (var i = 0; i < state.length; i++)
                    {
                        if (i > 0)
                        {
                            state.separator.CopyTo(span[position..]);
                            position += state.separator.Length;
                        }

                        if (state.parts[i] is { } part)
                        {
                            part.CopyTo(span[position..]);
                            position += part.Length;
                        }
                    }
                }));
            }
        }
        finally
        {
            Release(parts);
        }

        _joining.Add(target);
        try
        {
            var result = original(self, [JsString.Create(separator)]);
            CheckString(result.IsString() ? result.AsString().Length : 0);
            return result;
        }
        finally
        {
            _joining.Remove(target);
        }
    }

    private static string?[]? Release(string?[]? parts)
    {
        if (parts is not null)
        {
            ArrayPool<string?>.Shared.Return(parts, clearArray: true);
        }

        return null;
    }

    /// <summary>How deeply arrays nest inside <paramref name="value"/>, stopping at the native-nesting bound.</summary>
    private static void Nesting(JsValue value, int depth)
    {
        if (depth > MaxNativeNesting)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.RecursionLimit,
                $"Arrays are nested more than {MaxNativeNesting} levels deep.", "Flatten a shallower array.");
        }

        if (value.IsObject() && value.AsObject() is JsArray array)
        {
            for (uint i = 0; i < array.Length; i++)
            {
                Nesting(array.TryGetValue(i, out var item) ? item : JsValue.Undefined, depth + 1);
            }
        }
    }

    /// <summary>
    /// The length of a string as JSON.stringify writes it, quotes included: a control character, a quote or a backslash
    /// becomes an escape of up to six characters, and a lone surrogate six too, so the text's length alone undercounts by
    /// up to six times.
    /// </summary>
    private static long JsonLength(string text)
    {
        long length = text.Length + 2;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\\' or '\b' or '\f' or '\n' or '\r' or '\t')
            {
                length += 1;
            }
            else if (c < ' ')
            {
                length += 5;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                length += 5;
            }
        }

        return length;
    }

    /// <summary>
    /// The length of encodeURI(Component)'s output: a character it keeps is one, any other becomes its UTF-8 bytes as
    /// %XX each (three for ASCII, up to nine for one character, twelve for a surrogate pair).
    /// </summary>
    private static long EncodedLength(string text, bool keepsReserved)
    {
        long length = 0;
        foreach (var c in text)
        {
            length += c switch
            {
                < '\u0080' when char.IsAsciiLetterOrDigit(c) || "-_.!~*'()".Contains(c, StringComparison.Ordinal) => 1,
                < '\u0080' when keepsReserved && ";,/?:@&=+$#".Contains(c, StringComparison.Ordinal) => 1,
                < '\u0080' => 3,
                < '\u0800' => 6,
                _ when char.IsSurrogate(c) => 6,
                _ => 9,
            };
        }

        return length;
    }

    /// <summary>Sizes JSON.stringify's output before it is built, since Jint builds it in one native call.</summary>
    private void EstimateJson(JsValue value, int depth, int indent, ref long size)
    {
        // Each value with its indentation and the comma after it (one too many in all, taken off by the caller).
        size += ((long)depth * indent) + 1;
        if (value.IsString())
        {
            size += JsonLength(value.AsString());
            CheckString(size);
            return;
        }

        size += value.IsNumber() ? TypeConverter.ToString(value).Length : value.IsDate() ? 26 : value.IsObject() ? 2 : 5;
        CheckString(size);
        if (!value.IsObject() || value.AsObject() is Jint.Native.Function.Function)
        {
            return;
        }

        if (depth > MaxNativeNesting)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                $"JSON.stringify was given a value nested more than {MaxNativeNesting} levels deep (or circular).", "Stringify a flatter value.");
        }

        var target = value.AsObject();
        if (!value.IsDate() && target.Get("toJSON") is { } toJson && !toJson.IsUndefined())
        {
            throw new SandboxLimitException(ExpressionErrorCategory.Forbidden, "JSON.stringify of objects with a toJSON method is not supported in expressions.",
                "Build the plain object you want, then stringify it.");
        }

        foreach (var (key, descriptor) in target.GetOwnProperties().ToList())
        {
            if (!descriptor.Enumerable || !key.IsString())
            {
                continue;
            }

            if (!descriptor.IsDataDescriptor())
            {
                throw new SandboxLimitException(ExpressionErrorCategory.Forbidden, "JSON.stringify of objects with getters is not supported in expressions.",
                    "Build a plain object, then stringify it.");
            }

            size += JsonLength(key.AsString()) + 2;
            EstimateJson(descriptor.Value, depth + 1, indent, ref size);
        }
    }
}
