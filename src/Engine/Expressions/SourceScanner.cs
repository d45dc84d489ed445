namespace LowCode.Engine.Expressions;

/// <summary>
/// A light pass over the raw text before Jint's parser sees it. It finds ES2015+ syntax that
/// Jint 2.10 either rejects with an unhelpful "Unexpected token" or, for let/const, silently
/// misreads, and it measures bracket nesting, because Jint's recursive-descent parser can exhaust
/// the stack on deeply nested input.
/// </summary>
internal sealed class SourceScanner
{
    private static readonly HashSet<string> KeywordsBeforeExpression = new(StringComparer.Ordinal)
    {
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
    };

    private readonly string _source;
    private readonly List<ExpressionDiagnostic> _diagnostics = [];
    private readonly int _maxNesting;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private string _previous = string.Empty;
    private string _beforePrevious = string.Empty;
    private bool _previousIsValue;
    private int _depth;
    private bool _nestingReported;

    private SourceScanner(string source, int maxNesting)
    {
        _source = source;
        _maxNesting = maxNesting;
    }

    public static IReadOnlyList<ExpressionDiagnostic> Scan(string source, int maxNesting)
    {
        var scanner = new SourceScanner(source, maxNesting);
        scanner.Run();
        return scanner._diagnostics;
    }

    private void Run()
    {
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                SkipWhile(ch => ch != '\n');
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else if (c is '"' or '\'')
            {
                SkipString(c);
                Token("\"str\"", isValue: true);
            }
            else if (c == '`')
            {
                Report(ExpressionErrorCategory.Unsupported, _position, "Template literals (`...`) are not supported.",
                    "Join strings with +, e.g. 'Hello ' + name.");
                _position++;
                SkipWhile(ch => ch != '`');
                _position++;
                Token("\"str\"", isValue: true);
            }
            else if (c == '/' && !_previousIsValue)
            {
                SkipRegex();
                Token("/re/", isValue: true);
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            {
                ScanNumber();
            }
            else if (char.IsLetter(c) || c is '_' or '$' or '\\')
            {
                ScanWord();
            }
            else
            {
                ScanPunctuator();
            }
        }
    }

    private void ScanNumber()
    {
        var start = _position;
        if (_source[_position] == '0' && Peek(1) is 'b' or 'B' or 'o' or 'O')
        {
            Report(ExpressionErrorCategory.Unsupported, start, "Binary and octal literals (0b..., 0o...) are not supported.",
                "Write the number in decimal.");
        }

        SkipWhile(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_');
        if (_position > start && (_source[_position - 1] is 'e' or 'E') && Peek(0) is '+' or '-')
        {
            _position++;
            SkipWhile(char.IsAsciiDigit);
        }

        var text = _source[start.._position];
        if (text.Contains('_', StringComparison.Ordinal))
        {
            Report(ExpressionErrorCategory.Unsupported, start, "Numeric separators (1_000) are not supported.", "Write 1000.");
        }
        else if (text.EndsWith('n') && !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            Report(ExpressionErrorCategory.Unsupported, start, "BigInt literals (123n) are not supported.", "Write a plain number.");
        }

        Token("0", isValue: true);
    }

    private void ScanWord()
    {
        var start = _position;
        SkipWhile(ch => char.IsLetterOrDigit(ch) || ch is '_' or '$' or '\\');
        var word = _source[start.._position];
        var isProperty = _previous == "." || NextSignificant() == ':' && _previous is "{" or ",";
        if (!isProperty)
        {
            CheckWord(word, start);
        }

        var isValue = isProperty || !KeywordsBeforeExpression.Contains(word);
        Token(word, isValue);
    }

    private void CheckWord(string word, int start)
    {
        switch (word)
        {
            case "let" or "const":
                var destructures = NextSignificant() is '{' or '[';
                Report(ExpressionErrorCategory.Unsupported, start,
                    destructures
                        ? $"Destructuring ({word} {{ a }} = ...) is not supported."
                        : $"'{word}' is not supported: the script engine (ES5.1) would silently treat it as 'var'.",
                    "Expressions need no variables; inside a function use 'var', e.g. var total = 0;");
                break;
            case "var" when NextSignificant() is '{' or '[':
                Report(ExpressionErrorCategory.Unsupported, start, "Destructuring (var { a } = ...) is not supported.",
                    "Read each property on its own, e.g. var a = row.a;");
                break;
            case "class":
                Report(ExpressionErrorCategory.Unsupported, start, "Classes are not supported.",
                    "Use plain objects and the helper functions.");
                break;
            case "async" when NextWord() == "function":
            case "await":
                Report(ExpressionErrorCategory.Unsupported, start, "async/await is not supported.",
                    "Expressions run synchronously; call the value directly.");
                break;
            case "yield":
                Report(ExpressionErrorCategory.Unsupported, start, "Generators (yield) are not supported.", "Return an array instead.");
                break;
            case "import" or "export":
                Report(ExpressionErrorCategory.Unsupported, start, "Modules (import/export) are not supported.",
                    "Use the built-in helper functions; expressions cannot load code.");
                break;
            case "of" when _beforePrevious == "var" || _previousIsValue && ForOfAhead():
                Report(ExpressionErrorCategory.Unsupported, start, "for...of loops are not supported.",
                    "Use helpers such as sum(lines, 'amount') or lines.filter(function (l) { return ...; }).");
                break;
            default:
                break;
        }
    }

    private bool ForOfAhead()
    {
        var text = _source.AsSpan(0, _position);
        var open = text.LastIndexOf('(');
        return open > 0 && text[..open].TrimEnd().EndsWith("for", StringComparison.Ordinal);
    }

    private void ScanPunctuator()
    {
        var start = _position;
        var c = _source[_position];
        switch (c)
        {
            case '=' when Peek(1) == '>':
                Report(ExpressionErrorCategory.Unsupported, start, "Arrow functions (=>) are not supported.",
                    "Write function (x) { return ...; } instead of x => ...");
                _position += 2;
                Token("=>", isValue: false);
                return;
            case '.' when Peek(1) == '.' && Peek(2) == '.':
                Report(ExpressionErrorCategory.Unsupported, start, "Spread and rest (...) are not supported.",
                    "Pass the array itself, or use concat(), e.g. a.concat(b).");
                _position += 3;
                Token("...", isValue: false);
                return;
            case '*' when Peek(1) == '*':
                Report(ExpressionErrorCategory.Unsupported, start, "The ** operator is not supported.", "Write Math.pow(a, b).");
                _position += Peek(2) == '=' ? 3 : 2;
                Token("**", isValue: false);
                return;
            case '*' when _previous == "function":
                Report(ExpressionErrorCategory.Unsupported, start, "Generator functions (function*) are not supported.",
                    "Return an array instead.");
                break;
            case '?' when Peek(1) == '.' && !char.IsAsciiDigit(Peek(2)):
                Report(ExpressionErrorCategory.Unsupported, start, "Optional chaining (?.) is not supported.",
                    "Use get(order, 'customer.name') for values that may be missing.");
                _position += 2;
                Token("?.", isValue: false);
                return;
            case '?' when Peek(1) == '?':
                Report(ExpressionErrorCategory.Unsupported, start, "The ?? operator is not supported.",
                    "Use coalesce(a, b) to take the first value that is not null or empty.");
                _position += 2;
                Token("??", isValue: false);
                return;
            case '(' or '[' or '{':
                _depth++;
                if (_depth > _maxNesting && !_nestingReported)
                {
                    _nestingReported = true;
                    Report(ExpressionErrorCategory.TooComplex, start,
                        $"Brackets are nested more than {_maxNesting} levels deep.", "Split the expression into simpler parts.");
                }

                break;
            case ')' or ']' or '}':
                _depth = Math.Max(0, _depth - 1);
                break;
            default:
                break;
        }

        _position++;
        Token(c.ToString(), isValue: c is ')' or ']' or '}');
    }

    private void SkipString(char quote)
    {
        _position++;
        while (_position < _source.Length && _source[_position] != quote && _source[_position] != '\n')
        {
            _position += _source[_position] == '\\' ? 2 : 1;
        }

        _position = Math.Min(_position + 1, _source.Length);
    }

    private void SkipRegex()
    {
        _position++;
        var inClass = false;
        while (_position < _source.Length && _source[_position] != '\n')
        {
            var c = _source[_position];
            if (c == '\\')
            {
                _position += 2;
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '/' && !inClass)
            {
                break;
            }

            _position++;
        }

        _position = Math.Min(_position + 1, _source.Length);
        SkipWhile(char.IsAsciiLetter);
    }

    private void SkipBlockComment()
    {
        var end = _source.IndexOf("*/", _position + 2, StringComparison.Ordinal);
        var stop = end < 0 ? _source.Length : end + 2;
        while (_position < stop)
        {
            if (_source[_position] == '\n')
            {
                _line++;
                _lineStart = _position + 1;
            }

            _position++;
        }
    }

    private void SkipWhile(Func<char, bool> predicate)
    {
        while (_position < _source.Length && predicate(_source[_position]))
        {
            _position++;
        }
    }

    private char Peek(int offset) => _position + offset < _source.Length ? _source[_position + offset] : '\0';

    private char NextSignificant()
    {
        var i = _position;
        while (i < _source.Length && char.IsWhiteSpace(_source[i]))
        {
            i++;
        }

        return i < _source.Length ? _source[i] : '\0';
    }

    private string NextWord()
    {
        var i = _position;
        while (i < _source.Length && char.IsWhiteSpace(_source[i]))
        {
            i++;
        }

        var start = i;
        while (i < _source.Length && char.IsLetter(_source[i]))
        {
            i++;
        }

        return _source[start..i];
    }

    private void Token(string text, bool isValue)
    {
        _beforePrevious = _previous;
        _previous = text;
        _previousIsValue = isValue;
    }

    private void Report(ExpressionErrorCategory category, int index, string message, string hint)
    {
        var line = _line;
        var lineStart = _lineStart;
        if (index < lineStart)
        {
            line = 1;
            lineStart = 0;
            for (var i = 0; i < index; i++)
            {
                if (_source[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }
        }

        _diagnostics.Add(new ExpressionDiagnostic(category, line, index - lineStart + 1, message, hint));
    }
}
