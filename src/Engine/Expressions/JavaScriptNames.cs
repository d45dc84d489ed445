using System.Collections.Frozen;

namespace LowCode.Engine.Expressions;

/// <summary>Names the compiler must know: reserved words, ES5 globals, and names that reach past the sandbox.</summary>
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

    /// <summary>ES5 globals Jint 2.10 defines; a name outside this set and the helpers is a scope variable.</summary>
    public static readonly HashSet<string> BuiltInGlobals = new(StringComparer.Ordinal)
    {
        "Object", "Function", "Array", "String", "Boolean", "Number", "Date", "RegExp", "Math", "JSON",
        "Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError",
        "NaN", "Infinity", "undefined", "parseInt", "parseFloat", "isNaN", "isFinite",
        "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "eval",
    };

    /// <summary>Property names that lead from a value to constructors, prototypes or the call stack.</summary>
    public static readonly HashSet<string> ForbiddenProperties = new(StringComparer.Ordinal)
    {
        "constructor", "__proto__", "prototype", "caller", "callee",
        "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };
}
