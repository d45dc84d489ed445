namespace LowCode.Engine.Expressions;

/// <summary>Turns the parser's error into a diagnostic a citizen developer can act on: where, what, and what to write instead.</summary>
internal static class SyntaxDiagnostics
{
    public static ExpressionDiagnostic From(Acornima.ParseError error)
    {
        var description = error.Description ?? "Syntax error";
        var (message, hint) = description switch
        {
            _ when description.Contains("Unexpected end of input", StringComparison.Ordinal)
                => ("The expression ends too early.", "Is a bracket, quote or operand missing at the end?"),
            _ when description.Contains("Unterminated string", StringComparison.Ordinal)
                => ("A string is not closed.", "Strings need a closing ' or \"."),
            _ when description.Contains("Unterminated template", StringComparison.Ordinal)
                => ("A template literal is not closed.", "Close it with a backtick `."),
            _ when description.Contains("Invalid or unexpected token", StringComparison.Ordinal)
                => ("Invalid character or unterminated string.", "Check quotes: strings need a closing ' or \"."),
            _ when description.Contains("with statement", StringComparison.Ordinal)
                => ("'with' is not allowed: it hides which variable a name refers to.", "Write the object's name in front of each property, e.g. order.total."),
            _ when description.Contains("Octal", StringComparison.OrdinalIgnoreCase)
                => ("Octal literals (010) are not allowed.", "Write the number in decimal."),
            _ when description.Contains("Unexpected token", StringComparison.Ordinal) || description.Contains("Unexpected character", StringComparison.Ordinal)
                => ($"Syntax error: {Sentence(description)}", "Check for a missing operator, comma, bracket or quote just before this point; ES2021+ syntax (||=, ??=, 1_000) is not part of the expression language."),
            _ => ($"Syntax error: {Sentence(description)}", "Check the expression near this point."),
        };
        var category = description.Contains("with statement", StringComparison.Ordinal) ? ExpressionErrorCategory.Forbidden : ExpressionErrorCategory.Syntax;
        return new ExpressionDiagnostic(category, Math.Max(1, error.LineNumber), Math.Max(1, error.Column + 1), message, hint);
    }

    private static string Sentence(string description)
    {
        var text = description.Length > 0 ? char.ToLowerInvariant(description[0]) + description[1..] : description;
        return text.EndsWith('.') ? text : text + ".";
    }
}
