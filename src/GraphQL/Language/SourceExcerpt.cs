using System.Globalization;
using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Language;

/// <summary>Shows where in a source a location is: the line, numbered, with a caret under the column.</summary>
public static class SourceExcerpt
{
    public static string At(string source, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.Split('\n');
        var index = Math.Clamp(location.Line - 1, 0, Math.Max(lines.Length - 1, 0));
        var text = lines.Length == 0 ? string.Empty : lines[index].TrimEnd('\r').Replace('\t', ' ');
        var prefix = location.Line.ToString(CultureInfo.InvariantCulture) + " | ";
        return prefix + text + "\n" + new string(' ', prefix.Length + Math.Max(location.Column - 1, 0)) + "^";
    }
}
