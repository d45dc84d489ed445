using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Language;

/// <summary>
/// Hand-written recursive-descent parser for executable and type-system documents (spec §2 and §3).
/// One method per grammar rule, split into partial files by grammar area. Syntax errors come back as results.
/// </summary>
public sealed partial class Parser
{
    private readonly string _source;
    private readonly Lexer _lexer;
    private readonly ParserOptions _options;
    private int _tokenCount;
    private int _depth;

    private Parser(string source, ParserOptions options)
    {
        _source = source;
        _lexer = new Lexer(source);
        _options = options;
    }

    /// <summary>Parses a document; never throws for bad input.</summary>
    public static ParseResult Parse(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parser = new Parser(source, options ?? ParserOptions.Default);
        try
        {
            return ParseResult.Success(parser.ParseDocument());
        }
        catch (SyntaxException exception)
        {
            var error = parser.ToError(exception);
            return ParseResult.Failure(error, SourceExcerpt.At(source, error.Locations![0]));
        }
    }

    /// <summary>Parses a single input value such as a default value; throws <see cref="GraphQLException"/> on bad input.</summary>
    public static ValueNode ParseValue(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parser = new Parser(source, options ?? ParserOptions.Default);
        try
        {
            parser.Expect(TokenKind.StartOfFile);
            var value = parser.ParseValueLiteral(isConst: false);
            parser.Expect(TokenKind.EndOfFile);
            return value;
        }
        catch (SyntaxException exception)
        {
            throw new GraphQLException(parser.ToError(exception));
        }
    }

    /// <summary>Parses a type reference such as <c>[String!]</c>; throws <see cref="GraphQLException"/> on bad input.</summary>
    public static TypeNode ParseType(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parser = new Parser(source, ParserOptions.Default);
        try
        {
            parser.Expect(TokenKind.StartOfFile);
            var type = parser.ParseTypeReference();
            parser.Expect(TokenKind.EndOfFile);
            return type;
        }
        catch (SyntaxException exception)
        {
            throw new GraphQLException(parser.ToError(exception));
        }
    }

    private GraphQLError ToError(SyntaxException exception)
    {
        var (line, column) = Lexer.LineColumn(_source, exception.Position);
        return new GraphQLError(
            "Syntax Error: " + exception.Message,
            [new SourceLocation(line, column)],
            Extensions: ErrorCodes.Extensions(ErrorCodes.ParseFailed));
    }

    private Token Current => _lexer.Current;

    private bool Peek(TokenKind kind) => _lexer.Current.Kind == kind;

    private void Advance()
    {
        _lastEnd = _lexer.Current.End;
        var token = _lexer.Advance();
        if (token.Kind != TokenKind.EndOfFile && ++_tokenCount > _options.MaxTokens)
        {
            throw new SyntaxException($"Document contains more than {_options.MaxTokens} tokens. Parsing aborted.", token.Start);
        }
    }

    private Token Expect(TokenKind kind)
    {
        var token = _lexer.Current;
        if (token.Kind == kind)
        {
            Advance();
            return token;
        }

        throw new SyntaxException($"Expected {Token.Describe(kind)}, found {token.Describe()}.", token.Start);
    }

    private bool ExpectOptional(TokenKind kind)
    {
        if (_lexer.Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        var token = _lexer.Current;
        if (token.Kind == TokenKind.Name && token.Value == keyword)
        {
            Advance();
            return;
        }

        throw new SyntaxException($"Expected \"{keyword}\", found {token.Describe()}.", token.Start);
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        var token = _lexer.Current;
        if (token.Kind == TokenKind.Name && token.Value == keyword)
        {
            Advance();
            return true;
        }

        return false;
    }

    private bool PeekKeyword(string keyword) => Current.Kind == TokenKind.Name && Current.Value == keyword;

    private SyntaxException Unexpected(Token? at = null)
    {
        var token = at ?? _lexer.Current;
        return new SyntaxException($"Unexpected {token.Describe()}.", token.Start);
    }

    /// <summary>The location from a start token to the end of the last consumed token.</summary>
    private Location Loc(Token start) => new(start.Start, _lastEnd, start.Line, start.Column);

    private int _lastEnd;

    private void Enter(Token at)
    {
        if (++_depth > _options.MaxDepth)
        {
            throw new SyntaxException($"Document nesting exceeds the maximum depth of {_options.MaxDepth}. Parsing aborted.", at.Start);
        }
    }

    private void Exit() => _depth--;

    /// <summary>A list between <paramref name="open"/> and <paramref name="close"/>, possibly empty.</summary>
    private IReadOnlyList<T> Any<T>(TokenKind open, Func<T> item, TokenKind close)
    {
        Expect(open);
        if (ExpectOptional(close))
        {
            return [];
        }

        var builder = new List<T>();
        do
        {
            builder.Add(item());
        }
        while (!ExpectOptional(close));
        return builder;
    }

    /// <summary>A list between <paramref name="open"/> and <paramref name="close"/> with at least one item.</summary>
    private IReadOnlyList<T> Many<T>(TokenKind open, Func<T> item, TokenKind close)
    {
        Expect(open);
        var builder = new List<T>();
        do
        {
            builder.Add(item());
        }
        while (!ExpectOptional(close));
        return builder;
    }

    /// <summary>An optional list: empty when the next token is not <paramref name="open"/>.</summary>
    private IReadOnlyList<T> OptionalMany<T>(TokenKind open, Func<T> item, TokenKind close) =>
        Peek(open) ? Many(open, item, close) : [];

    /// <summary>Name (spec §2.1.9): https://spec.graphql.org/October2021/#Name</summary>
    private NameNode ParseName()
    {
        var token = Expect(TokenKind.Name);
        return new NameNode(token.Value!) { Location = new Location(token.Start, token.End, token.Line, token.Column) };
    }
}
