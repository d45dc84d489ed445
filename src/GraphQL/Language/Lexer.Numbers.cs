namespace LowCode.GraphQL.Language;

public sealed partial class Lexer
{
    /// <summary>IntValue and FloatValue (spec §2.9.1, §2.9.2): https://spec.graphql.org/October2021/#sec-Int-Value</summary>
    private Token ReadNumber(int start)
    {
        var position = start;
        var isFloat = false;
        var c = CharAt(position);
        if (c == '-')
        {
            c = CharAt(++position);
        }

        if (c == '0')
        {
            c = CharAt(++position);
            if (IsDigit(c))
            {
                throw new SyntaxException($"Invalid number, unexpected digit after 0: {DescribeCharAt(position)}.", position);
            }
        }
        else
        {
            position = ReadDigits(position);
            c = CharAt(position);
        }

        if (c == '.')
        {
            isFloat = true;
            position = ReadDigits(position + 1);
            c = CharAt(position);
        }

        if (c is 'E' or 'e')
        {
            isFloat = true;
            c = CharAt(++position);
            if (c is '+' or '-')
            {
                ++position;
            }

            position = ReadDigits(position);
            c = CharAt(position);
        }

        if (position < _body.Length && (c == '.' || IsNameStart(c)))
        {
            throw new SyntaxException($"Invalid number, expected digit but got: {DescribeCharAt(position)}.", position);
        }

        _position = position;
        return MakeToken(isFloat ? TokenKind.FloatValue : TokenKind.IntValue, start, position, _body.Substring(start, position - start));
    }

    private int ReadDigits(int position)
    {
        if (position >= _body.Length || !IsDigit(_body[position]))
        {
            throw new SyntaxException($"Invalid number, expected digit but got: {DescribeCharAt(position)}.", position);
        }

        while (position < _body.Length && IsDigit(_body[position]))
        {
            position++;
        }

        return position;
    }
}
