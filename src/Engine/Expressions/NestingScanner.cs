namespace LowCode.Engine.Expressions;

/// <summary>
/// Measures bracket nesting in the raw text before the parser sees it, since the parser recurses once per level;
/// string contents do not count.
/// </summary>
internal static class NestingScanner
{
    public static ExpressionDiagnostic? TooDeep(string source, int maxDepth)
    {
        var depth = 0;
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case '\n':
                    line++;
                    lineStart = i + 1;
                    break;
                case '\'' or '"':
                    i = SkipString(source, i, c);
                    break;
                case '(' or '[' or '{':
                    if (++depth > maxDepth)
                    {
                        return new ExpressionDiagnostic(ExpressionErrorCategory.TooComplex, line, i - lineStart + 1,
                            $"Brackets are nested more than {maxDepth} levels deep.", "Split the expression into simpler parts.");
                    }

                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                default:
                    break;
            }
        }

        return null;
    }

    private static int SkipString(string source, int start, char quote)
    {
        var i = start + 1;
        while (i < source.Length && source[i] != quote && source[i] != '\n')
        {
            i += source[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i, source.Length - 1);
    }
}
