using System.Collections.Concurrent;
using Jint.Parser;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Parses an expression once with Jint's parser, checks it against the one-line-expression subset and
/// caches the result by source text. <see cref="Check"/> is what save-time validators call.
/// </summary>
public sealed class ExpressionCompiler
{
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
        var none = Array.Empty<ExpressionVariable>();
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

        var scanned = SourceScanner.Scan(source, Limits.MaxNestingDepth);
        if (scanned.Count > 0)
        {
            return new CompiledExpression(source, null, scanned, none);
        }

        Jint.Parser.Ast.Program program;
        try
        {
            program = new JavaScriptParser().Parse(source, new ParserOptions { Tolerant = false });
        }
        catch (ParserException e)
        {
            return Invalid(source, SyntaxDiagnostic(e));
        }

        var (diagnostics, referenced) = SyntaxChecker.Check(program, Limits);
        return diagnostics.Count > 0
            ? new CompiledExpression(source, null, diagnostics, none)
            : new CompiledExpression(source, program, diagnostics, referenced);
    }

    private static CompiledExpression Invalid(string source, ExpressionDiagnostic diagnostic)
        => new(source, null, [diagnostic], Array.Empty<ExpressionVariable>());

    private static ExpressionDiagnostic SyntaxDiagnostic(ParserException e)
    {
        var description = e.Description ?? e.Message;
        var (message, hint) = description switch
        {
            "Unexpected end of input" => ("The expression ends too early.", "Is a bracket, quote or operand missing at the end?"),
            "Unexpected token ILLEGAL" => ("Invalid character or unterminated string.", "Check quotes: strings need a closing ' or \"."),
            _ when description.StartsWith("Unexpected token", StringComparison.Ordinal)
                => ($"Syntax error: {char.ToLowerInvariant(description[0])}{description[1..]}.", "Check for a missing operator, comma, bracket or quote just before this point."),
            _ when description.StartsWith("Unexpected identifier", StringComparison.Ordinal)
                => ("Syntax error: a name appears where an operator was expected.", "Is an operator (&&, +, ===) or a comma missing?"),
            _ when description.StartsWith("Unexpected number", StringComparison.Ordinal)
                => ("Syntax error: a number appears where an operator was expected.", "Is an operator or a comma missing?"),
            _ when description.StartsWith("Unexpected string", StringComparison.Ordinal)
                => ("Syntax error: a string appears where an operator was expected.", "Is + or a comma missing?"),
            _ => ("Syntax error: " + description + ".", string.Empty),
        };
        return new ExpressionDiagnostic(ExpressionErrorCategory.Syntax, Math.Max(1, e.LineNumber), Math.Max(1, e.Column), message, hint);
    }
}
