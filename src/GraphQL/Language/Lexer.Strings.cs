using System.Text;

namespace LowCode.GraphQL.Language;

public sealed partial class Lexer
{
    /// <summary>StringValue (spec §2.9.4): https://spec.graphql.org/October2021/#sec-String-Value</summary>
    private Token ReadString(int start)
    {
        var body = _body;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '"')
            {
                string text;
                if (value is null)
                {
                    text = body.Substring(chunkStart, position - chunkStart);
                }
                else
                {
                    text = Append(value, body, chunkStart, position).ToString();
                }

                _position = position + 1;
                return MakeToken(TokenKind.StringValue, start, position + 1, text);
            }

            if (c == '\\')
            {
                value = Append(value, body, chunkStart, position);
                position += ReadEscape(position, value);
                chunkStart = position;
                continue;
            }

            if (c is '\n' or '\r')
            {
                break;
            }

            position = SkipSourceCharacter(position);
        }

        throw new SyntaxException("Unterminated string.", position);
    }

    private int SkipSourceCharacter(int position)
    {
        var c = _body[position];
        if (!char.IsSurrogate(c))
        {
            return position + 1;
        }

        if (position + 1 < _body.Length && char.IsSurrogatePair(c, _body[position + 1]))
        {
            return position + 2;
        }

        throw new SyntaxException($"Invalid character within String: {DescribeCharAt(position)}.", position);
    }

    /// <summary>Appends one escape sequence to <paramref name="value"/> and returns its length in the source.</summary>
    private int ReadEscape(int position, StringBuilder value)
    {
        var c = CharAt(position + 1);
        switch (c)
        {
            case '"': value.Append('"'); return 2;
            case '\\': value.Append('\\'); return 2;
            case '/': value.Append('/'); return 2;
            case 'b': value.Append('\b'); return 2;
            case 'f': value.Append('\f'); return 2;
            case 'n': value.Append('\n'); return 2;
            case 'r': value.Append('\r'); return 2;
            case 't': value.Append('\t'); return 2;
            case 'u':
                return CharAt(position + 2) == '{'
                    ? ReadVariableWidthUnicode(position, value)
                    : ReadFixedWidthUnicode(position, value);
            default:
                throw new SyntaxException(
                    $"Invalid character escape sequence: \"{Slice(position, 2)}\".", position);
        }
    }

    private int ReadVariableWidthUnicode(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;
        while (size < 12)
        {
            var c = CharAt(position + size++);
            if (c == '}')
            {
                if (size < 5 || !IsScalarValue(point))
                {
                    break;
                }

                value.Append(char.ConvertFromUtf32(point));
                return size;
            }

            var digit = HexValue(c);
            if (digit < 0)
            {
                break;
            }

            point = (point << 4) | digit;
            if (point > 0x10FFFF)
            {
                break;
            }
        }

        throw new SyntaxException($"Invalid Unicode escape sequence: \"{Slice(position, size)}\".", position);
    }

    private int ReadFixedWidthUnicode(int position, StringBuilder value)
    {
        var code = Read4Hex(position + 2);
        if (code >= 0 && !char.IsSurrogate((char)code))
        {
            value.Append((char)code);
            return 6;
        }

        if (code >= 0 && char.IsHighSurrogate((char)code) && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = Read4Hex(position + 8);
            if (trailing >= 0 && char.IsLowSurrogate((char)trailing))
            {
                value.Append((char)code).Append((char)trailing);
                return 12;
            }
        }

        throw new SyntaxException($"Invalid Unicode escape sequence: \"{Slice(position, 6)}\".", position);
    }

    private int Read4Hex(int position)
    {
        var result = 0;
        for (var i = 0; i < 4; i++)
        {
            var digit = HexValue(CharAt(position + i));
            if (digit < 0)
            {
                return -1;
            }

            result = (result << 4) | digit;
        }

        return result;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    private static bool IsScalarValue(int point) => point is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    private string Slice(int start, int length) => _body.Substring(start, Math.Min(length, _body.Length - start));

    /// <summary>BlockString (spec §2.9.4): https://spec.graphql.org/October2021/#BlockString</summary>
    private Token ReadBlockString(int start)
    {
        var body = _body;
        var line = _line;
        var column = 1 + start - _lineStart;
        var position = start + 3;
        var chunkStart = position;
        var current = new StringBuilder();
        var lines = new List<string>();
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                current.Append(body, chunkStart, position - chunkStart);
                lines.Add(current.ToString());
                _position = position + 3;
                return new Token(TokenKind.BlockString, start, position + 3, line, column, BlockString.Dedent(lines));
            }

            if (c == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                current.Append(body, chunkStart, position - chunkStart).Append("\"\"\"");
                position += 4;
                chunkStart = position;
                continue;
            }

            if (c is '\n' or '\r')
            {
                current.Append(body, chunkStart, position - chunkStart);
                lines.Add(current.ToString());
                current.Clear();
                position += c == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                _line++;
                _lineStart = position;
                continue;
            }

            position = SkipSourceCharacter(position);
        }

        throw new SyntaxException("Unterminated string.", position);
    }
}
