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
    [InlineData("lines.map(l => l.qty)")]
    [InlineData("lines.map(l => { const total = l.qty * l.price; return total; })")]
    [InlineData("`${first} ${last}`")]
    [InlineData("customer?.address?.city ?? ''")]
    [InlineData("(({ a, b = 2 }) => a + b)(order)")]
    [InlineData("[...lines, { qty: 1 }].length")]
    [InlineData("Math.max(...lines.map(l => l.qty))")]
    [InlineData("amount ** 2")]
    [InlineData("({ amount, region })")]
    [InlineData("lines.flatMap(l => [l.qty]).includes(2) && lines.find(l => l.qty > 1) !== undefined")]
    [InlineData("Object.fromEntries(Object.entries(order).filter(([k]) => k.startsWith('a')))")]
    [InlineData("((...values) => values.length)(1, 2, 3)")]
    public void Check_WithEs2020Syntax_ReturnsNoDiagnostics(string source)
    {
        Assert.Empty(_compiler.Check(source));
    }

    [Theory]
    [InlineData("const x = 1", 1, 1, "cannot declare variables", "inside an arrow")]
    [InlineData("let x = 2", 1, 1, "cannot declare variables", "inside an arrow")]
    [InlineData("function f() { return 1; }", 1, 1, "cannot declare functions", "arrow")]
    [InlineData("class A {}", 1, 1, "Classes", "plain objects")]
    [InlineData("(class {})", 1, 2, "Classes", "plain objects")]
    [InlineData("(function* () {})", 1, 2, "Generator", "array")]
    [InlineData("(async () => 1)()", 1, 2, "async", "plain arrow")]
    [InlineData("(async function () { await 1; })()", 1, 2, "async", "plain arrow")]
    [InlineData("Reflect.apply(sum, null, [lines])", 1, 1, "'Reflect' is not available", "helper functions")]
    [InlineData("Promise.resolve(1)", 1, 1, "'Promise' is not available", "helper functions")]
    [InlineData("lines.map(l => { l.prototype = 1; return l; })", 1, 18, "Writing 'prototype'", "new plain object")]
    [InlineData("(o => { o['__proto__'] = {}; return o; })({})", 1, 9, "Writing '__proto__'", "new plain object")]
    [InlineData("[1].map(x => { amount = 5; return x; })", 1, 16, "'amount' is not a local variable", "const copy = amount")]
    [InlineData("lines.map(l => l.qty)[0] + 1n", 1, 28, "BigInt", "plain number")]
    [InlineData("[1].map(() => arguments.length)", 1, 15, "'arguments'", "rest parameters")]
    public void Check_WithRejectedConstruct_ReportsForbiddenWithPositionAndWhatToWrite(string source, int line, int column, string message, string hint)
    {
        var diagnostic = _compiler.Check(source).First(d => d.Category == ExpressionErrorCategory.Forbidden);

        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(hint, diagnostic.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a ||= b", 1, 5)]
    [InlineData("1_000", 1, 1)]
    public void Check_WithSyntaxNewerThanEs2020_ReportsSyntaxWithPosition(string source, int line, int column)
    {
        var diagnostic = Assert.Single(_compiler.Check(source));

        Assert.Equal(ExpressionErrorCategory.Syntax, diagnostic.Category);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.NotEmpty(diagnostic.Hint);
    }

    [Theory]
    [InlineData("'abc", 1, 1, "Invalid character or unterminated string")]
    [InlineData("amount >", 1, 9, "ends too early")]
    [InlineData("amount 500", 1, 8, "unexpected number")]
    [InlineData("amount >\n  > 5", 2, 3, "unexpected token '>'")]
    public void Check_WithSyntaxError_ReportsLineAndColumn(string source, int line, int column, string message)
    {
        var diagnostic = Assert.Single(_compiler.Check(source));

        Assert.Equal(ExpressionErrorCategory.Syntax, diagnostic.Category);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("with (order) { total }", "'with'")]
    [InlineData("(function () { while (true) {} })()", "Loops")]
    [InlineData("(function () { for (var i = 0; i < 3; i++) {} })()", "Loops")]
    [InlineData("eval('1')", "'eval'")]
    [InlineData("Function('return 1')()", "'Function'")]
    [InlineData("(() => { for (const l of lines) {} return 1; })()", "Loops")]
    [InlineData("amount = 5", "cannot assign")]
    [InlineData("amount++", "cannot change")]
    [InlineData("var x = 1", "cannot declare variables")]
    [InlineData("amount; region", "2 statements")]
    [InlineData("lines.constructor", "'constructor'")]
    [InlineData("lines['__proto__']", "'__proto__'")]
    [InlineData("lines.map(l => { debugger; return l; })", "'debugger'")]
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
    public void Compile_ListsNamesReadInsideArrowsAndDestructuring_WithoutTheirOwnBindings()
    {
        var compiled = _compiler.Compile(
            "lines.map(({ qty, price = fallback, ...rest }, i) => { const [first = seed] = rest.tags; return qty * price * rate + i + first; })");

        Assert.Equal(["fallback", "lines", "rate", "seed"], compiled.Variables);
        Assert.Equal(new ExpressionVariable("rate", 1, 111), compiled.VariableUses.Single(v => v.Name == "rate"));
    }

    [Fact]
    public void Diagnostic_ToString_GivesPositionMessageAndHint()
    {
        var diagnostic = Assert.Single(_compiler.Check("amount = 1"));

        Assert.Equal("line 1, column 1: Expressions cannot assign values. To compare, use === (e.g. status === 'open'); to compute, write the value itself.", diagnostic.ToString());
    }

    [Fact]
    public void Check_WithEmptyExpression_ReportsSyntax()
    {
        Assert.Equal(ExpressionErrorCategory.Syntax, Assert.Single(_compiler.Check("   ")).Category);
    }

    [Fact]
    public void Check_WithBracketsInsideString_DoesNotCountThemAsNesting()
    {
        Assert.Empty(new ExpressionCompiler(ExpressionLimits.Default with { MaxNestingDepth = 2 }).Check("label === '((((((' && label !== \"[[[[\""));
    }
}
