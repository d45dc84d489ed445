using System.Collections.Concurrent;
using Acornima;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Parses an expression once with Acornima (Jint's own parser, held to ES2020), checks it against the
/// one-expression subset and caches the result by source text. <see cref="Check"/> is what save-time validators call.
/// </summary>
public sealed class ExpressionCompiler
{
    /// <summary>Texts longer than this are parsed on a thread with a large stack: the parser recurses once per nesting level.</summary>
    private const int ShortSource = 512;

    private static readonly ParserOptions ParserOptions = new() { EcmaVersion = EcmaVersion.ES2020, Tolerant = false };

    private readonly ConcurrentDictionary<string, CompiledExpression> _cache = new(StringComparer.Ordinal);

    /// <summary>A compiler with the given limits (or <see cref="ExpressionLimits.Default"/>).</summary>
    public ExpressionCompiler(ExpressionLimits? limits = null)
    {
        Limits = limits ?? ExpressionLimits.Default;
        Limits.Validate();
    }

    /// <summary>A shared compiler with the default limits.</summary>
    public static ExpressionCompiler Default { get; } = new();

    /// <summary>The limits the checks apply.</summary>
    public ExpressionLimits Limits { get; }

    /// <summary>Every problem with <paramref name="source"/> (line, column, message, hint); empty when it can run.</summary>
    public IReadOnlyList<ExpressionDiagnostic> Check(string source) => Compile(source).Diagnostics;

    /// <summary>The compiled form of <paramref name="source"/>, from the cache when it was compiled before. Never throws for bad input.</summary>
    public CompiledExpression Compile(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_cache.TryGetValue(source, out var cached))
        {
            return cached;
        }

        var compiled = CompileUncached(source);
        if (_cache.Count >= Limits.MaxCachedExpressions)
        {
            // Metadata holds a bounded set of expressions; a full cache means churn, so start over rather than track recency on the hot path.
            _cache.Clear();
        }

        return _cache.GetOrAdd(source, compiled);
    }

    private CompiledExpression CompileUncached(string source)
    {
        if (source.Length > Limits.MaxSourceLength)
        {
            return Invalid(source, new ExpressionDiagnostic(ExpressionErrorCategory.TooComplex, 1, 1,
                $"The expression is {source.Length} characters long; the limit is {Limits.MaxSourceLength}.",
                "Split it into several computed fields or rules."));
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            return Invalid(source, new ExpressionDiagnostic(ExpressionErrorCategory.Syntax, 1, 1, "The expression is empty.",
                "Write a value or a condition, e.g. amount > 500."));
        }

        if (NestingScanner.TooDeep(source, Limits.MaxNestingDepth) is { } tooDeep)
        {
            return Invalid(source, tooDeep);
        }

        if (source.Length <= ShortSource)
        {
            return Parse(source);
        }

        CompiledExpression? result = null;
        var thread = new Thread(() => result = Parse(source), 64 * 1024 * 1024) { IsBackground = true, Name = "expression-parser" };
        thread.Start();
        thread.Join();
        return result!;
    }

    private CompiledExpression Parse(string source)
    {
        Acornima.Ast.Script script;
        try
        {
            script = new Parser(ParserOptions).ParseScript(source, "expression", strict: true);
        }
        catch (ParseErrorException e)
        {
            return Invalid(source, SyntaxDiagnostics.From(e.Error));
        }
        catch (InsufficientExecutionStackException)
        {
            // Acornima checks the stack as it recurses; past what even the large parsing stack holds, the text is too deep.
            return Invalid(source, new ExpressionDiagnostic(ExpressionErrorCategory.TooComplex, 1, 1,
                "The expression is nested too deeply to parse.", "Split it into simpler parts, e.g. several computed fields."));
        }

        var (diagnostics, expression, referenced) = SyntaxChecker.Check(script, Limits);
        return diagnostics.Count > 0 || expression is null
            ? new CompiledExpression(source, null, diagnostics, Array.Empty<ExpressionVariable>())
            : new CompiledExpression(source, Body(source, expression), diagnostics, referenced);
    }

    /// <summary>The expression statement's text without its trailing ';' (parentheses around the whole expression are kept).</summary>
    private static string Body(string source, Acornima.Ast.Node statement)
    {
        var text = source[..statement.End].TrimEnd();
        return text.EndsWith(';') ? text[..^1] : text;
    }

    private static CompiledExpression Invalid(string source, ExpressionDiagnostic diagnostic)
        => new(source, null, [diagnostic], Array.Empty<ExpressionVariable>());
}
