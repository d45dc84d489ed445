using LowCode.Engine.Expressions;

namespace LowCode.Engine.Tests.Expressions;

public sealed class ExpressionCompilerTests
{
    private readonly ExpressionCompiler _compiler = new();

    [Theory]
    [InlineData("amount > 500")]
    [InlineData("region === 'EU' && amount > 1000")]
    [InlineData("sum(lines, 'cost') > 100 ? 'high' : 'low'")]
    [InlineData("lines.filter(function (l) { return l.qty > 0; }).length")]
    [InlineData("iif(isEmpty(name), 'anonymous', upper(name))")]
    [InlineData("/^[A-Z]{2}\\d+$/.test(code)")]
    [InlineData("(function () { var total = 0; total += amount; return total; })()")]
    public void Check_WithValidExpression_ReturnsNoDiagnostics(string source)
    {
        Assert.Empty(_compiler.Check(source));
    }

    [Theory]
    [InlineData("lines.map(l => l.qty)", 1, 13, "Arrow functions", "function (x)")]
    [InlineData("`Hello ${name}`", 1, 1, "Template literals", "'Hello ' + name")]
    [InlineData("amount > 1 &&\n  let x = 2", 2, 3, "'let' is not supported", "var")]
    [InlineData("const x = 1", 1, 1, "'const' is not supported", "var")]
    [InlineData("class A {}", 1, 1, "Classes", "plain objects")]
    [InlineData("f(...xs)", 1, 3, "Spread", "concat")]
    [InlineData("a ** 2", 1, 3, "**", "Math.pow")]
    [InlineData("order?.customer", 1, 6, "Optional chaining", "get(order")]
    [InlineData("a ?? b", 1, 3, "??", "coalesce")]
    [InlineData("var { a } = o", 1, 1, "Destructuring", "var a = row.a")]
    [InlineData("(function* () {})", 1, 10, "Generator", "array")]
    public void Check_WithEs2015Syntax_ReportsUnsupportedWithPositionAndRewriteHint(string source, int line, int column, string message, string hint)
    {
        var diagnostic = Assert.Single(_compiler.Check(source));

        Assert.Equal(ExpressionErrorCategory.Unsupported, diagnostic.Category);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(hint, diagnostic.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'abc", 1, 5, "Invalid character or unterminated string")]
    [InlineData("amount >", 1, 9, "ends too early")]
    [InlineData("amount 500", 1, 8, "number appears where an operator")]
    [InlineData("amount >\n  > 5", 2, 3, "unexpected token >")]
    public void Check_WithSyntaxError_ReportsLineAndColumn(string source, int line, int column, string message)
    {
        var diagnostic = Assert.Single(_compiler.Check(source));

        Assert.Equal(ExpressionErrorCategory.Syntax, diagnostic.Category);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(function () { while (true) {} })()", "Loops")]
    [InlineData("(function () { for (var i = 0; i < 3; i++) {} })()", "Loops")]
    [InlineData("eval('1')", "'eval'")]
    [InlineData("Function('return 1')()", "'Function'")]
    [InlineData("with (order) { total }", "'with'")]
    [InlineData("amount = 5", "cannot assign")]
    [InlineData("amount++", "cannot change")]
    [InlineData("var x = 1", "cannot declare variables")]
    [InlineData("amount; region", "2 statements")]
    [InlineData("lines.constructor", "'.constructor'")]
    [InlineData("lines['__proto__']", "'.__proto__'")]
    [InlineData("Math.random()", "Math.random()")]
    [InlineData("Date.now()", "Date.now()")]
    [InlineData("new Date()", "new Date()")]
    [InlineData("debugger", "'debugger'")]
    public void Check_WithForbiddenConstruct_ReportsForbiddenWithReason(string source, string message)
    {
        var diagnostics = _compiler.Check(source);

        Assert.Contains(diagnostics, d => d.Category == ExpressionErrorCategory.Forbidden && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.NotEmpty(d.Hint));
    }

    [Fact]
    public void Compile_SameSourceTwice_ReturnsTheCachedInstance()
    {
        Assert.Same(_compiler.Compile("amount > 1"), _compiler.Compile("amount > 1"));
    }

    [Fact]
    public void Compile_WhenCacheIsFull_StartsOverAndStillCompiles()
    {
        var compiler = new ExpressionCompiler(ExpressionLimits.Default with { MaxCachedExpressions = 2 });
        var first = compiler.Compile("1");
        compiler.Compile("2");
        compiler.Compile("3");

        Assert.NotSame(first, compiler.Compile("1"));
        Assert.True(compiler.Compile("1").IsValid);
    }

    [Fact]
    public void Compile_ListsTheScopeVariablesItReads_WithoutHelpersBuiltInsOrParameters()
    {
        var compiled = _compiler.Compile("sum(lines, 'cost') > limit && lines.some(function (l) { return l.kind === kind; }) && Math.abs(delta) > 0");

        Assert.Equal(["delta", "kind", "limit", "lines"], compiled.Variables);
    }

    [Fact]
    public void Diagnostic_ToString_GivesPositionMessageAndHint()
    {
        var diagnostic = Assert.Single(_compiler.Check("x => 1"));

        Assert.Equal("line 1, column 3: Arrow functions (=>) are not supported. Write function (x) { return ...; } instead of x => ...", diagnostic.ToString());
    }

    [Fact]
    public void Check_WithEmptyExpression_ReportsSyntax()
    {
        Assert.Equal(ExpressionErrorCategory.Syntax, Assert.Single(_compiler.Check("   ")).Category);
    }

    [Fact]
    public void Check_WithArrowInsideString_DoesNotReportUnsupported()
    {
        Assert.Empty(_compiler.Check("label === '=> `x` ...' && /a=>b/.test(label)"));
    }
}
