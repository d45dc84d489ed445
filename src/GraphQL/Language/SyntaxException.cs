namespace LowCode.GraphQL.Language;

/// <summary>
/// Raised inside the lexer and parser to unwind to <see cref="Parser.Parse(string, ParserOptions?)"/>,
/// which turns it into a <see cref="ParseResult"/> error; callers of the public API never see it.
/// </summary>
internal sealed class SyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
