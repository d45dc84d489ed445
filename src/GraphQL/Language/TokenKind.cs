namespace LowCode.GraphQL.Language;

/// <summary>The lexical token kinds of spec §2.1.</summary>
public enum TokenKind
{
    StartOfFile,
    EndOfFile,
    Bang,
    Dollar,
    Amp,
    ParenLeft,
    ParenRight,
    Spread,
    Colon,
    Equals,
    At,
    BracketLeft,
    BracketRight,
    BraceLeft,
    Pipe,
    BraceRight,
    Name,
    IntValue,
    FloatValue,
    StringValue,
    BlockString,
}
