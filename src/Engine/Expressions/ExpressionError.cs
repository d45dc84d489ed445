using System.Globalization;
using System.Text;

namespace LowCode.Engine.Expressions;

/// <summary>
/// A categorised failure of one evaluation, naming the field or rule (the caller's label, e.g.
/// <c>$.fields[3].visibleWhen</c>), the expression and the failing part.
/// </summary>
public sealed class ExpressionError
{
    internal ExpressionError(
        ExpressionErrorCategory category, string label, string source, string message,
        string hint = "", string part = "", int line = 0, int column = 0)
    {
        Category = category;
        Label = label;
        Source = source;
        Message = message;
        Hint = hint;
        Part = part;
        Line = line;
        Column = column;
    }

    /// <summary>What kind of failure this is.</summary>
    public ExpressionErrorCategory Category { get; }

    /// <summary>The caller's name for where the expression lives (JSON path, rule name).</summary>
    public string Label { get; }

    /// <summary>The expression text.</summary>
    public string Source { get; }

    /// <summary>What went wrong, without the label and source (see <see cref="ToString"/> for the full text).</summary>
    public string Message { get; }

    /// <summary>How to fix it, or empty.</summary>
    public string Hint { get; }

    /// <summary>The part of the expression that failed (an excerpt of <see cref="Source"/>), or empty when unknown.</summary>
    public string Part { get; }

    /// <summary>1-based line of <see cref="Part"/>, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column of <see cref="Part"/>, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The full message: label, category, failing part with its position, the expression, the problem and the hint.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Label.Length > 0)
        {
            text.Append(Label).Append(": ");
        }

        text.Append(Category).Append(" error");
        if (Part.Length > 0 && Part != Source)
        {
            text.Append(" in `").Append(Part).Append('`');
        }

        if (Line > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" (line {Line}, column {Column})");
        }

        text.Append(" of expression `").Append(Source).Append("`: ").Append(Message);
        if (Hint.Length > 0)
        {
            text.Append(' ').Append(Hint);
        }

        return text.ToString();
    }

    /// <summary>An <see cref="ExpressionErrorCategory.InputLimit"/> error about the data given to an expression, raised by a host before evaluating.</summary>
    public static ExpressionError Input(string label, string source, string message, string hint)
        => new(ExpressionErrorCategory.InputLimit, label ?? string.Empty, source ?? string.Empty, message, hint);

    internal static ExpressionError FromDiagnostic(ExpressionDiagnostic diagnostic, string label, string source)
        => new(diagnostic.Category, label, source, diagnostic.Message, diagnostic.Hint,
            Excerpt(source, diagnostic.Line, diagnostic.Column), diagnostic.Line, diagnostic.Column);

    private static string Excerpt(string source, int line, int column)
    {
        var lines = source.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return string.Empty;
        }

        var text = lines[line - 1];
        var start = Math.Clamp(column - 1, 0, text.Length);
        var length = Math.Min(20, text.Length - start);
        return text.Substring(start, length).TrimEnd();
    }
}
