using System.Text;

namespace LowCode.GraphQL.Language;

/// <summary>
/// Splits a source text into tokens (spec §2.1, https://spec.graphql.org/October2021/#sec-Language.Source-Text).
/// Ignored tokens (white space, line terminators, commas, comments, the byte order mark) are skipped.
/// </summary>
public sealed partial class Lexer
{
    private readonly string _body;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    public Lexer(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = body;
        Current = new Token(TokenKind.StartOfFile, 0, 0, 0, 0, null);
    }

    /// <summary>The token the lexer stands on.</summary>
    public Token Current { get; private set; }

    /// <summary>Moves to the next significant token and returns it.</summary>
    public Token Advance()
    {
        if (Current.Kind != TokenKind.EndOfFile)
        {
            Current = ReadToken();
        }

        return Current;
    }

    /// <summary>Returns the token after <see cref="Current"/> without moving.</summary>
    public Token Lookahead()
    {
        var (position, line, lineStart, current) = (_position, _line, _lineStart, Current);
        var next = Advance();
        (_position, _line, _lineStart, Current) = (position, line, lineStart, current);
        return next;
    }

    /// <summary>The one-based line and column of a character offset.</summary>
    public static (int Line, int Column) LineColumn(string body, int position)
    {
        ArgumentNullException.ThrowIfNull(body);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position && i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= body.Length || body[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, position - lineStart + 1);
    }

    private Token ReadToken()
    {
        var body = _body;
        var length = body.Length;
        var position = _position;
        while (position < length)
        {
            var c = body[position];
            switch (c)
            {
                case '\uFEFF' or '\t' or ' ' or ',':
                    position++;
                    continue;
                case '\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    continue;
                case '\r':
                    position += position + 1 < length && body[position + 1] == '\n' ? 2 : 1;
                    _line++;
                    _lineStart = position;
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                case '!':
                    return Punctuator(TokenKind.Bang, position, 1);
                case '$':
                    return Punctuator(TokenKind.Dollar, position, 1);
                case '&':
                    return Punctuator(TokenKind.Amp, position, 1);
                case '(':
                    return Punctuator(TokenKind.ParenLeft, position, 1);
                case ')':
                    return Punctuator(TokenKind.ParenRight, position, 1);
                case '.':
                    if (position + 2 < length && body[position + 1] == '.' && body[position + 2] == '.')
                    {
                        return Punctuator(TokenKind.Spread, position, 3);
                    }

                    break;
                case ':':
                    return Punctuator(TokenKind.Colon, position, 1);
                case '=':
                    return Punctuator(TokenKind.Equals, position, 1);
                case '@':
                    return Punctuator(TokenKind.At, position, 1);
                case '[':
                    return Punctuator(TokenKind.BracketLeft, position, 1);
                case ']':
                    return Punctuator(TokenKind.BracketRight, position, 1);
                case '{':
                    return Punctuator(TokenKind.BraceLeft, position, 1);
                case '|':
                    return Punctuator(TokenKind.Pipe, position, 1);
                case '}':
                    return Punctuator(TokenKind.BraceRight, position, 1);
                case '"':
                    return position + 2 < length && body[position + 1] == '"' && body[position + 2] == '"'
                        ? ReadBlockString(position)
                        : ReadString(position);
                default:
                    break;
            }

            if (IsDigit(c) || c == '-')
            {
                return ReadNumber(position);
            }

            if (IsNameStart(c))
            {
                return ReadName(position);
            }

            throw new SyntaxException(
                c == '\''
                    ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                    : IsSourceCharacterAt(position)
                        ? $"Unexpected character: {DescribeCharAt(position)}."
                        : $"Invalid character: {DescribeCharAt(position)}.",
                position);
        }

        _position = length;
        return MakeToken(TokenKind.EndOfFile, length, length, null);
    }

    private int SkipComment(int position)
    {
        var body = _body;
        position++;
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '\n' || c == '\r')
            {
                break;
            }

            position++;
        }

        return position;
    }

    private Token Punctuator(TokenKind kind, int position, int size)
    {
        _position = position + size;
        return MakeToken(kind, position, position + size, null);
    }

    private Token MakeToken(TokenKind kind, int start, int end, string? value) =>
        new(kind, start, end, _line, 1 + start - _lineStart, value);

    private Token ReadName(int start)
    {
        var position = start + 1;
        while (position < _body.Length && IsNameContinue(_body[position]))
        {
            position++;
        }

        _position = position;
        return MakeToken(TokenKind.Name, start, position, _body.Substring(start, position - start));
    }

    private char CharAt(int position) => position < _body.Length ? _body[position] : '\0';

    private bool IsSourceCharacterAt(int position) =>
        !char.IsSurrogate(_body[position]) || (position + 1 < _body.Length && char.IsSurrogatePair(_body[position], _body[position + 1]));

    /// <summary>How graphql-js quotes a character in messages: printable ASCII in quotes, others as U+XXXX.</summary>
    private string DescribeCharAt(int position)
    {
        if (position >= _body.Length)
        {
            return "<EOF>";
        }

        var c = _body[position];
        if (c >= 0x20 && c <= 0x7E)
        {
            return c == '"' ? "'\"'" : $"\"{c}\"";
        }

        var code = position + 1 < _body.Length && char.IsSurrogatePair(c, _body[position + 1])
            ? char.ConvertToUtf32(c, _body[position + 1])
            : c;
        return "U+" + code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static bool IsDigit(char c) => c is >= '0' and <= '9';

    internal static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    internal static bool IsNameContinue(char c) => IsNameStart(c) || IsDigit(c);

    private static StringBuilder Append(StringBuilder? builder, string body, int start, int end) =>
        (builder ??= new StringBuilder()).Append(body, start, end - start);
}
