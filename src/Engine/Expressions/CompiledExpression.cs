using System.Collections.Concurrent;
using System.Text;
using Jint;

namespace LowCode.Engine.Expressions;

/// <summary>
/// An expression parsed, checked and prepared once; safe to share between threads and evaluate
/// any number of times. Obtain it from <see cref="ExpressionCompiler.Compile"/>.
/// </summary>
public sealed class CompiledExpression
{
    private readonly ConcurrentDictionary<ulong, Prepared<Acornima.Ast.Script>> _wrappers = new();
    private readonly string _body;

    internal CompiledExpression(string source, string? body, IReadOnlyList<ExpressionDiagnostic> diagnostics, IReadOnlyCollection<ExpressionVariable> referenced)
    {
        Source = source;
        _body = body ?? string.Empty;
        Diagnostics = diagnostics;
        ReferencedNames = referenced.Select(v => v.Name).ToArray();
        VariableUses = referenced.Where(v => !JavaScriptNames.BuiltInGlobals.Contains(v.Name) && !HelperLibrary.Names.Contains(v.Name))
            .OrderBy(v => v.Line).ThenBy(v => v.Column).ToArray();
        Variables = VariableUses.Select(v => v.Name).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The expression text, as given.</summary>
    public string Source { get; }

    /// <summary>Every problem found; empty when the expression can run.</summary>
    public IReadOnlyList<ExpressionDiagnostic> Diagnostics { get; }

    /// <summary>True when there are no diagnostics.</summary>
    public bool IsValid => Diagnostics.Count == 0;

    /// <summary>
    /// The scope variables the expression reads (names that are neither helpers, built-ins nor its own
    /// parameters and locals), sorted. Validators can check them against the form's field keys.
    /// </summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>
    /// The same names as <see cref="Variables"/>, each with the line and column where the expression first reads it,
    /// in order of appearance, so a save-time check can point at an unknown name.
    /// </summary>
    public IReadOnlyList<ExpressionVariable> VariableUses { get; }

    /// <summary>Every free name, including helpers and built-ins, so a scope variable may shadow a helper of the same name.</summary>
    internal string[] ReferencedNames { get; }

    /// <summary>The wrapper puts the expression on the line after its own, so Jint's line numbers are one higher.</summary>
    internal const int LineOffset = 1;

    /// <summary>
    /// The expression as the body of an arrow function (strict, like all code here; no own <c>this</c> or
    /// <c>arguments</c>, which the checker rejects anyway, so the cheapest call Jint has) whose parameters are the referenced names the scope has
    /// (bit i of <paramref name="present"/> stands for <see cref="ReferencedNames"/>[i]): inputs are the function's
    /// own bindings, never globals, and a name the scope lacks still resolves to the (frozen) global or fails as
    /// unknown. Prepared once per set of present names and shared by every thread's engine.
    /// </summary>
    internal Prepared<Acornima.Ast.Script> Wrapper(ulong present) => _wrappers.GetOrAdd(present, mask =>
    {
        var text = new StringBuilder("((");
        var first = true;
        for (var i = 0; i < ReferencedNames.Length; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                text.Append(first ? string.Empty : ", ").Append(ReferencedNames[i]);
                first = false;
            }
        }

        // The checked expression ends where the parser said; a trailing ';' or comment stays out of the return.
        text.Append(") => (\n").Append(_body).Append("\n))");
        return Jint.Engine.PrepareScript(text.ToString(), source: "expression", strict: true);
    });
}
