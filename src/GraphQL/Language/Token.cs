namespace LowCode.GraphQL.Language;

/// <summary>One lexical token: its kind, span, one-based line/column, and the value of names, numbers and strings.</summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value)
{
    /// <summary>How graphql-js names a token in syntax errors, e.g. <c>Name "foo"</c> or <c>"{"</c>.</summary>
    public string Describe() => Value is null ? Describe(Kind) : $"{Describe(Kind)} \"{Value}\"";

    /// <summary>How graphql-js names a token kind: punctuators in quotes, the rest by name.</summary>
    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.StartOfFile => "<SOF>",
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Bang => "\"!\"",
        TokenKind.Dollar => "\"$\"",
        TokenKind.Amp => "\"&\"",
        TokenKind.ParenLeft => "\"(\"",
        TokenKind.ParenRight => "\")\"",
        TokenKind.Spread => "\"...\"",
        TokenKind.Colon => "\":\"",
        TokenKind.Equals => "\"=\"",
        TokenKind.At => "\"@\"",
        TokenKind.BracketLeft => "\"[\"",
        TokenKind.BracketRight => "\"]\"",
        TokenKind.BraceLeft => "\"{\"",
        TokenKind.Pipe => "\"|\"",
        TokenKind.BraceRight => "\"}\"",
        TokenKind.Name => "Name",
        TokenKind.IntValue => "Int",
        TokenKind.FloatValue => "Float",
        TokenKind.StringValue => "String",
        TokenKind.BlockString => "BlockString",
        _ => kind.ToString(),
    };
}
