using Jint.Parser.Ast;

namespace LowCode.Engine.Expressions;

/// <summary>
/// An expression parsed, checked and prepared once; safe to share between threads and evaluate
/// any number of times. Obtain it from <see cref="ExpressionCompiler.Compile"/>.
/// </summary>
public sealed class CompiledExpression
{
    internal CompiledExpression(string source, Program? program, IReadOnlyList<ExpressionDiagnostic> diagnostics, IReadOnlyCollection<ExpressionVariable> referenced)
    {
        Source = source;
        Program = program;
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
    /// function parameters), sorted. Validators can check them against the form's field keys.
    /// </summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>
    /// The same names as <see cref="Variables"/>, each with the line and column where the expression first reads it,
    /// in order of appearance, so a save-time check can point at an unknown name.
    /// </summary>
    public IReadOnlyList<ExpressionVariable> VariableUses { get; }

    /// <summary>Every free name, including helpers and built-ins, so a scope variable may shadow a helper of the same name.</summary>
    internal string[] ReferencedNames { get; }

    internal Program? Program { get; }

    /// <summary>
    /// Set once the expression has run to the end on some thread. Until then its first run pays for JIT-compiling
    /// the interpreter paths it uses, which on a loaded machine can exceed the time limit by itself.
    /// </summary>
    internal bool HasCompleted
    {
        get => Volatile.Read(ref _completed);
        set => Volatile.Write(ref _completed, value);
    }

    private bool _completed;

    private ProbeProgram? _probe;
    private bool _probeBuilt;
    private readonly Lock _probeLock = new();

    /// <summary>The error-locating variant of this expression, built on first need (see <see cref="ProbeProgram"/>).</summary>
    internal ProbeProgram? GetProbe(ExpressionLimits limits)
    {
        lock (_probeLock)
        {
            if (!_probeBuilt)
            {
                _probe = ProbeProgram.Create(this, limits);
                _probeBuilt = true;
            }

            return _probe;
        }
    }
}
