using LowCode.GraphQL.Language;

namespace LowCode.GraphQL.Tests.Language;

public sealed class LexerTests
{
    private static List<Token> Tokens(string source)
    {
        var lexer = new Lexer(source);
        var tokens = new List<Token>();
        while (lexer.Advance().Kind != TokenKind.EndOfFile)
        {
            tokens.Add(lexer.Current);
        }

        return tokens;
    }

    [Fact]
    public void Advance_SkipsWhiteSpaceCommasCommentsAndByteOrderMark()
    {
        var tokens = Tokens("\uFEFF  # comment\n ,,name , other");
        Assert.Equal(["name", "other"], tokens.Select(t => t.Value));
        Assert.Equal((2, 4), (tokens[0].Line, tokens[0].Column));
    }

    [Fact]
    public void Advance_ReadsAllPunctuators()
    {
        var kinds = Tokens("! $ & ( ) ... : = @ [ ] { | }").Select(t => t.Kind);
        Assert.Equal(
            [TokenKind.Bang, TokenKind.Dollar, TokenKind.Amp, TokenKind.ParenLeft, TokenKind.ParenRight, TokenKind.Spread,
             TokenKind.Colon, TokenKind.Equals, TokenKind.At, TokenKind.BracketLeft, TokenKind.BracketRight, TokenKind.BraceLeft,
             TokenKind.Pipe, TokenKind.BraceRight],
            kinds);
    }

    [Theory]
    [InlineData("0", TokenKind.IntValue)]
    [InlineData("-12", TokenKind.IntValue)]
    [InlineData("1.5", TokenKind.FloatValue)]
    [InlineData("-0.5e10", TokenKind.FloatValue)]
    [InlineData("6E-3", TokenKind.FloatValue)]
    public void Advance_ReadsNumbersAsTheirText(string text, TokenKind kind)
    {
        var token = Assert.Single(Tokens(text));
        Assert.Equal(kind, token.Kind);
        Assert.Equal(text, token.Value);
    }

    [Theory]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "esc \" \\ / \b \f \n \r \t")]
    [InlineData("\"\\u00e9\"", "é")]
    [InlineData("\"\\uD83D\\uDE00\"", "😀")]
    [InlineData("\"\\u{1F600}\"", "😀")]
    public void Advance_ResolvesStringEscapes(string text, string value) =>
        Assert.Equal(value, Assert.Single(Tokens(text)).Value);

    [Fact]
    public void Advance_DedentsBlockStrings()
    {
        var token = Assert.Single(Tokens("\"\"\"\n    Hello,\n      World!\n\n    Yours \\\"\"\"\n  \"\"\""));
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal("Hello,\n  World!\n\nYours \"\"\"", token.Value);
    }

    [Fact]
    public void Advance_CountsLinesAcrossBlockStrings()
    {
        var tokens = Tokens("\"\"\"a\nb\r\nc\"\"\" next");
        Assert.Equal((3, 6), (tokens[1].Line, tokens[1].Column));
    }

    [Fact]
    public void Lookahead_DoesNotMove()
    {
        var lexer = new Lexer("a b");
        lexer.Advance();
        Assert.Equal("b", lexer.Lookahead().Value);
        Assert.Equal("a", lexer.Current.Value);
    }
}
