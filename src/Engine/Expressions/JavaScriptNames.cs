using System.Collections.Frozen;

namespace LowCode.Engine.Expressions;

/// <summary>Names the compiler and the sandbox must agree on: reserved words, the globals a script sees, and what is taken away.</summary>
internal static class JavaScriptNames
{
    public static readonly FrozenSet<string> ReservedWords = new[]
    {
        "break", "case", "catch", "continue", "debugger", "default", "delete", "do", "else", "finally", "for",
        "function", "if", "in", "instanceof", "new", "return", "switch", "this", "throw", "try", "typeof", "var",
        "void", "while", "with", "class", "const", "enum", "export", "extends", "import", "super", "implements",
        "interface", "let", "package", "private", "protected", "public", "static", "yield", "null", "true", "false",
        "eval", "arguments", "await", "async",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The JavaScript globals a script sees (besides the helpers): everything else Jint defines is deleted when the
    /// engine is prepared. A name outside this set and the helpers is a scope variable.
    /// </summary>
    public static readonly HashSet<string> BuiltInGlobals = new(StringComparer.Ordinal)
    {
        "Object", "Array", "String", "Boolean", "Number", "Date", "RegExp", "Math", "JSON", "Symbol", "Map", "Set",
        "Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError",
        "NaN", "Infinity", "undefined", "parseInt", "parseFloat", "isNaN", "isFinite",
        "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent",
    };

    /// <summary>
    /// Globals Jint defines that the sandbox removes, named here so that save-time checks reject them with a reason
    /// rather than as unknown names: host reach, shared or unbounded memory, jobs that outlive the evaluation, and
    /// cross-evaluation registries.
    /// </summary>
    public static readonly HashSet<string> RemovedGlobals = new(StringComparer.Ordinal)
    {
        "globalThis", "Reflect", "Proxy", "Promise", "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics",
        "WeakRef", "FinalizationRegistry", "WeakMap", "WeakSet", "Int8Array", "Uint8Array", "Uint8ClampedArray",
        "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array",
        "BigInt64Array", "BigUint64Array", "BigInt", "Intl", "Iterator", "AggregateError", "Temporal", "ShadowRealm",
        "escape", "unescape", "queueMicrotask", "setTimeout", "setInterval", "structuredClone", "AsyncDisposableStack",
        "DisposableStack", "SuppressedError",
    };

    /// <summary>Property names that lead from a value to constructors, prototypes or the call stack.</summary>
    public static readonly HashSet<string> ForbiddenProperties = new(StringComparer.Ordinal)
    {
        "constructor", "__proto__", "prototype", "caller", "callee",
        "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };
}
