using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace LowCode.Engine.Expressions;

/// <summary>
/// The last step of preparing an engine, done once per engine through Jint's object model (so the expression limits,
/// already in force, never apply to it): delete every global outside <see cref="JavaScriptNames.BuiltInGlobals"/> and
/// the helpers, drop the cross-evaluation symbol registry and RegExp's last-match statics, and freeze every object
/// reachable from the global object and from syntax (iterator and function prototypes), so no evaluation can change
/// what the next one sees.
/// </summary>
internal static class SandboxSetup
{
    /// <summary>Prototypes a script reaches through syntax rather than through a global name.</summary>
    private static readonly string[] FromSyntax =
    [
        "[][Symbol.iterator]()", "''[Symbol.iterator]()", "new Map().entries()", "new Set().values()", "'a'.matchAll(/a/g)",
        "(function* () {})", "(async function () {})", "(async function* () {})", "(() => {})",
    ];

    public static void RemoveAndFreeze(SandboxEngine sandbox)
    {
        var engine = sandbox.Engine;
        var roots = FromSyntax.Select(source => engine.Evaluate(source).AsObject().Prototype).OfType<ObjectInstance>().ToList();
        var global = engine.Global;
        foreach (var key in global.GetOwnPropertyKeys(Types.String | Types.Symbol))
        {
            if (!key.IsString() || !(JavaScriptNames.BuiltInGlobals.Contains(key.AsString()) || HelperLibrary.Names.Contains(key.AsString())))
            {
                global.Delete(key);
            }
        }

        // Array.fromAsync returns a promise: a job that would outlive the evaluation.
        global.Get("Array").AsObject().Delete("fromAsync");
        var symbol = global.Get("Symbol").AsObject();
        symbol.Delete("for");
        symbol.Delete("keyFor");
        var regExp = global.Get("RegExp").AsObject();
        foreach (var key in regExp.GetOwnPropertyKeys(Types.String | Types.Symbol))
        {
            if (!(key.IsString() && key.AsString() is "length" or "name" or "prototype"))
            {
                regExp.Delete(key);
            }
        }

        Freeze(global, roots);
    }

    /// <summary>The names a script can see on the global object, sorted (for the snapshot test that keeps new globals from appearing unnoticed).</summary>
    public static IReadOnlyList<string> GlobalNames(SandboxEngine sandbox)
        => sandbox.Engine.Global.GetOwnPropertyKeys(Types.String | Types.Symbol).Select(k => k.ToString()).Order(StringComparer.Ordinal).ToArray();

    private static void Freeze(ObjectInstance global, List<ObjectInstance> roots)
    {
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ObjectInstance>(roots.Prepend(global));
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var key in current.GetOwnPropertyKeys(Types.String | Types.Symbol))
            {
                var descriptor = current.GetOwnProperty(key);
                if (descriptor == PropertyDescriptor.Undefined)
                {
                    continue;
                }

                Push(pending, descriptor.Get);
                Push(pending, descriptor.Set);
                if (descriptor.IsDataDescriptor())
                {
                    Push(pending, descriptor.Value);
                    current.DefineOwnProperty(key, new PropertyDescriptor(descriptor.Value, writable: false, enumerable: descriptor.Enumerable, configurable: false));
                }
                else
                {
                    current.DefineOwnProperty(key, new GetSetPropertyDescriptor(descriptor.Get, descriptor.Set, descriptor.Enumerable, configurable: false));
                }
            }

            if (current.Prototype is { } prototype)
            {
                pending.Push(prototype);
            }

            current.PreventExtensions();
        }
    }

    private static void Push(Stack<ObjectInstance> pending, JsValue? value)
    {
        if (value is not null && value.IsObject())
        {
            pending.Push(value.AsObject());
        }
    }
}
