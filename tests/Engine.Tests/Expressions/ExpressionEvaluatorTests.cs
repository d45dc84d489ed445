using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;

namespace LowCode.Engine.Tests.Expressions;

public sealed class ExpressionEvaluatorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 5, 31, 14, 30, 0, TimeSpan.Zero);
    private readonly ExpressionEvaluator _evaluator = new();

    [Fact]
    public void Evaluate_BooleanCondition_ReturnsBoolean()
    {
        var scope = new ExpressionScope(Now).Set("amount", 1500).Set("region", "EU");

        var result = _evaluator.Evaluate("amount > 1000 && region === \"EU\"", scope, ExpectedType.Boolean, "$.fields[0].visibleWhen");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.True(result.Value.AsBoolean());
    }

    [Fact]
    public void Evaluate_WithJsonElementScope_ReadsNestedData()
    {
        using var document = JsonDocument.Parse("""{"order":{"lines":[{"cost":10.5},{"cost":4.5}],"customer":{"name":"Ada"}},"first-name":"skipped"}""");
        var scope = ExpressionScope.FromJson(document.RootElement, Now);

        var result = _evaluator.Evaluate("order.customer.name + ': ' + sum(order.lines, 'cost')", scope, ExpectedType.Text, "$.computed");

        Assert.Equal("Ada: 15", result.Value.AsText());
        Assert.DoesNotContain("first-name", scope.Names);
    }

    [Fact]
    public void Evaluate_WithJsonObjectScope_ReturnsObjectsAsDetachedJson()
    {
        var scope = ExpressionScope.FromJson(JsonNode.Parse("""{"a":1,"b":[1,2]}""")!.AsObject(), Now);

        var result = _evaluator.Evaluate("({ total: a + b.length, items: b, when: new Date(0), skip: undefined, f: function () { return 1; } })", scope, ExpectedType.Record, "x");

        Assert.Equal("""{"total":3,"items":[1,2],"when":"1970-01-01T00:00:00.000Z"}""", result.Value.AsNode().ToJsonString());
    }

    [Fact]
    public void Evaluate_VisibleWhenReturningString_ReportsTypeMismatchNamingTheValue()
    {
        var scope = new ExpressionScope(Now).Set("region", "EU");

        var result = _evaluator.Evaluate("region", scope, ExpectedType.Boolean, "$.fields[3].visibleWhen");

        Assert.Equal(ExpressionErrorCategory.TypeMismatch, result.Error!.Category);
        Assert.Equal(
            "$.fields[3].visibleWhen: TypeMismatch error of expression `region`: The expression returned the string \"EU\", but a boolean (true or false) is required. Compare explicitly, e.g. amount > 0, status === 'open' or !isEmpty(name).",
            result.Error.ToString());
    }

    [Fact]
    public void Evaluate_NumberExpectedButNaN_ExplainsEmptyFields()
    {
        var scope = new ExpressionScope(Now).Set("qty", "many");

        var result = _evaluator.Evaluate("qty * 2", scope, ExpectedType.Number, "$.fields[1].computed");

        Assert.Equal(ExpressionErrorCategory.TypeMismatch, result.Error!.Category);
        Assert.Contains("NaN", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("coalesce", result.Error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReadingPropertyOfMissingValue_NamesTheFailingPartAndPosition()
    {
        var scope = new ExpressionScope(Now).Set("order", JsonNode.Parse("""{"customer":null}"""));

        var result = _evaluator.Evaluate("amountOk || order.customer.name === 'x'", scope.Set("amountOk", false), ExpectedType.Boolean, "$.rules[2].condition");

        Assert.Equal(ExpressionErrorCategory.Runtime, result.Error!.Category);
        Assert.Equal("order.customer.name", result.Error.Part);
        Assert.Equal((1, 13), (result.Error.Line, result.Error.Column));
        Assert.Contains("get(obj, 'a.b'", result.Error.Hint, StringComparison.Ordinal);
        Assert.StartsWith("$.rules[2].condition: Runtime error in `order.customer.name` (line 1, column 13) of expression", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnknownName_SaysItIsNotDefinedAndListsKnownNames()
    {
        var scope = new ExpressionScope(Now).Set("amount", 1);

        var result = _evaluator.Evaluate("amout > 5", scope, ExpectedType.Boolean, "$.fields[0].visibleWhen");

        Assert.Equal(ExpressionErrorCategory.Runtime, result.Error!.Category);
        Assert.Equal("'amout' is not defined: the scope has no field or variable of that name.", result.Error.Message);
        Assert.Contains("amount", result.Error.Hint, StringComparison.Ordinal);
        Assert.Equal("amout", result.Error.Part);
    }

    [Fact]
    public void Evaluate_HelperWithBadArgument_NamesTheHelper()
    {
        var scope = new ExpressionScope(Now).Set("lines", JsonNode.Parse("""[{"cost":"abc"}]"""));

        var result = _evaluator.Evaluate("sum(lines, 'cost')", scope, ExpectedType.Number, "$.fields[4].computed");

        Assert.Equal(ExpressionErrorCategory.Runtime, result.Error!.Category);
        Assert.Equal("TypeError: sum(): row 0 has the string \"abc\" in 'cost', not a number.", result.Error.Message);
    }

    [Fact]
    public void Evaluate_InvalidExpression_ReturnsTheCompileDiagnosticAsError()
    {
        var result = _evaluator.Evaluate("1 + (class {})", new ExpressionScope(Now), ExpectedType.Any, "$.fields[0].computed");

        Assert.Equal(ExpressionErrorCategory.Forbidden, result.Error!.Category);
        Assert.Equal((1, 6), (result.Error.Line, result.Error.Column));
        Assert.Equal("class {})", result.Error.Part);
    }

    [Fact]
    public void Evaluate_NewDateWithArgumentsAndDateNowFreeClock_AreDeterministic()
    {
        var scope = new ExpressionScope(Now);

        var first = _evaluator.Evaluate("[now(), today(), new Date(2020, 0, 2).getTime(), Date.UTC(2020, 0, 1)]", scope, ExpectedType.List, "x");
        var second = _evaluator.Evaluate("[now(), today(), new Date(2020, 0, 2).getTime(), Date.UTC(2020, 0, 1)]", scope, ExpectedType.List, "x");

        Assert.Equal("""["2024-05-31T14:30:00.000Z","2024-05-31",1577923200000,1577836800000]""", first.Value.AsNode().ToJsonString());
        Assert.Equal(first.Value, second.Value);
    }

    [Fact]
    public void Evaluate_DateNowReachedDynamically_ReturnsTheScopeClock()
    {
        var result = _evaluator.Evaluate("Date['no' + 'w']() === new Date(Date['no' + 'w']()).getTime()", new ExpressionScope(Now), ExpectedType.Boolean, "x");
        var clock = _evaluator.Evaluate("Date['no' + 'w']()", new ExpressionScope(Now), ExpectedType.Number, "x");

        Assert.True(result.Value.AsBoolean());
        Assert.Equal(Now.ToUnixTimeMilliseconds(), clock.Value.AsNumber());
    }

    [Fact]
    public void Evaluate_UndefinedResult_IsUndefinedForAny()
    {
        var result = _evaluator.Evaluate("void 0", new ExpressionScope(Now), ExpectedType.Any, "x");

        Assert.Equal(ExpressionValueKind.Undefined, result.Value.Kind);
        Assert.Null(result.Value.ToJsonNode());
    }

    [Fact]
    public void Evaluate_FunctionBodiesAreStrict_SoWritesToFrozenBuiltInsThrow()
    {
        var result = _evaluator.Evaluate("(function () { Math.PI = 3; return Math.PI; })()", new ExpressionScope(Now), ExpectedType.Any, "x");

        Assert.Equal(ExpressionErrorCategory.Runtime, result.Error!.Category);
    }

    [Fact]
    public void Evaluate_CallbacksOverTableRows_Work()
    {
        var scope = new ExpressionScope(Now).Set("lines", JsonNode.Parse("""[{"qty":2,"price":5},{"qty":0,"price":9},{"qty":1,"price":3}]"""));

        var result = _evaluator.Evaluate(
            "lines.filter(function (l) { return l.qty > 0; }).map(function (l) { return l.qty * l.price; }).reduce(function (a, b) { return a + b; }, 0)",
            scope, ExpectedType.Number, "x");

        Assert.Equal(13, result.Value.AsNumber());
    }

    [Fact]
    public void Evaluate_StringConcatenationThroughTheGuard_KeepsJavaScriptSemantics()
    {
        var scope = new ExpressionScope(Now).Set("a", 1).Set("b", "2").Set("c", JsonNode.Parse("[1,2]"));

        var result = _evaluator.Evaluate("[a + a, a + b, b + a, c + a, a + null, (function () { var s = 'x'; s += a; return s; })()]", scope, ExpectedType.List, "x");

        Assert.Equal("""[2,"12","21","1,21",1,"x1"]""", result.Value.AsNode().ToJsonString());
    }

    [Fact]
    public void Evaluate_ManyThreadsAtOnce_EachGetsItsOwnCorrectAnswer()
    {
        var compiled = _evaluator.Compile("amount * 2 + sum(lines, 'cost')");
        var lines = JsonNode.Parse("""[{"cost":1},{"cost":2}]""");

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var result = _evaluator.Evaluate(compiled, new ExpressionScope(Now).Set("amount", i).Set("lines", lines), ExpectedType.Number, "x");
            Assert.Equal((i * 2) + 3, result.Value.AsNumber());
        });
    }

    [Fact]
    public void Evaluate_ScopeVariableNamedLikeAHelper_ShadowsTheHelper()
    {
        var scope = new ExpressionScope(Now).Set("count", 7);

        Assert.Equal(8, _evaluator.Evaluate("count + 1", scope, ExpectedType.Number, "x").Value.AsNumber());
        Assert.Equal(2, _evaluator.Evaluate("len([1, 2])", scope, ExpectedType.Number, "x").Value.AsNumber());
    }

    [Theory]
    [InlineData("'a,b,,c'.split(',')", "[\"a\",\"b\",\"\",\"c\"]")]
    [InlineData("'abc'.split('')", "[\"a\",\"b\",\"c\"]")]
    [InlineData("'abc'.split()", "[\"abc\"]")]
    [InlineData("'a1b2c'.split(/\\d/)", "[\"a\",\"b\",\"c\"]")]
    [InlineData("'a,b,c'.split(',', 2)", "[\"a\",\"b\"]")]
    [InlineData("''.split(',')", "[\"\"]")]
    public void Evaluate_GuardedSplit_KeepsJavaScriptSemantics(string source, string expectedJson)
    {
        Assert.Equal(expectedJson, _evaluator.Evaluate(source, new ExpressionScope(Now), ExpectedType.List, "x").Value.AsNode().ToJsonString());
    }

    [Theory]
    [InlineData("[1, 2].concat([3], 4, [[5]])", "[1,2,3,4,[5]]")]
    [InlineData("[1, 2, 3, 4].slice(1, -1)", "[2,3]")]
    [InlineData("[1, 2, 3].slice(-2)", "[2,3]")]
    [InlineData("[1, 2, 3].slice(5)", "[]")]
    [InlineData("[1, 2, 3].map(function (x, i) { return x * 10 + i; })", "[10,21,32]")]
    [InlineData("[1, 2, 3, 4].filter(function (x) { return x % 2 === 0; })", "[2,4]")]
    [InlineData("[1, , 3].map(function (x) { return x; }).length", "3")]
    [InlineData("[1, , 3].filter(function () { return true; })", "[1,3]")]
    [InlineData("[1, 2].map(function (x) { return this.k * x; }, { k: 3 })", "[3,6]")]
    public void Evaluate_GuardedArrayMethods_KeepJavaScriptSemantics(string source, string expectedJson)
    {
        var result = _evaluator.Evaluate(source, new ExpressionScope(Now), ExpectedType.Any, "x");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(expectedJson, result.Value.ToJsonNode()!.ToJsonString());
    }

    [Fact]
    public void Evaluate_MapWithoutFunction_SaysTheArgumentMustBeCallable()
    {
        var result = _evaluator.Evaluate("[1].map(5)", new ExpressionScope(Now), ExpectedType.Any, "x");

        Assert.Equal(ExpressionErrorCategory.Runtime, result.Error!.Category);
        Assert.Contains("callable", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_VeryLongPrototypeChain_IsReadWithoutExhaustingTheStack()
    {
        var result = _evaluator.Evaluate("Array(5000).join('x').split('').reduce(p => Object.create(p), {}).missing",
            new ExpressionScope(Now), ExpectedType.Any, "x");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(ExpressionValueKind.Undefined, result.Value.Kind);
    }

    [Theory]
    [InlineData("[1, 'a', true, false, null, undefined, , -0, 1e21, 0.1 + 0.2, NaN].join()", "1,a,true,false,,,,0,1e+21,0.30000000000000004,NaN")]
    [InlineData("Array(4).join('ab')", "ababab")]
    [InlineData("['x', 'y'].join(undefined)", "x,y")]
    [InlineData("[].join('-')", "")]
    [InlineData("[[1, 2], 3, { toString: () => 'o' }].join(';')", "1,2;3;o")]
    public void Join_OfPrimitivesHolesAndObjects_GivesWhatJavaScriptGives(string source, string expected)
    {
        var result = _evaluator.Evaluate(source, new ExpressionScope(Now), ExpectedType.Text, "$.join");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(expected, result.Value.AsText());
    }

    [Fact]
    public void Join_ReadsAGetterElementOnce()
    {
        var result = _evaluator.Evaluate(
            "(() => { let reads = 0; const a = ['a', 'b']; Object.defineProperty(a, 1, { get: () => 'g' + (++reads) }); return a.join('') + reads; })()",
            new ExpressionScope(Now), ExpectedType.Text, "$.join");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("ag11", result.Value.AsText());
    }

    /// <summary>Each item of the ES feature checklist in docs/expressions.md, run and compared with what JavaScript gives.</summary>
    [Theory]
    [InlineData("lines.map(l => l.qty)", "[1,2]")]
    [InlineData("lines.map(l => { const t = l.qty * l.price; return t; })", "[10,40]")]
    [InlineData("`${first} ${last}`", "\"Ada Lovelace\"")]
    [InlineData("String.raw`a\\n${first}`", "\"a\\\\nAda\"")]
    [InlineData("(() => { let x = 1; { let x = 2; } const y = x; return y; })()", "1")]
    [InlineData("lines.reduce((t, { qty, price = 0, ...rest }) => t + qty * price + Object.keys(rest).length, 0)", "51")]
    [InlineData("(([a, , b = 5, ...r]) => [a, b, r])([1, 2, undefined, 4, 5])", "[1,5,[4,5]]")]
    [InlineData("[...lines.map(l => l.qty), ...[3]].concat(Math.max(...[4, 9]), ((...v) => v.length)(1, 2))", "[1,2,3,9,2]")]
    [InlineData("({ first, ['k' + 1]: 2, m() { return 3; } }).k1 + ({ m() { return 3; } }).m()", "5")]
    [InlineData("2 ** 10", "1024")]
    [InlineData("[customer?.address?.city ?? 'none', customer?.x === undefined, 0 ?? 1, null ?? 'd']", "[\"none\",true,0,\"d\"]")]
    [InlineData("[[1, 2].includes(2), lines.find(l => l.qty > 1).qty, lines.findIndex(l => l.qty > 5), [1, [2, [3]]].flat(), lines.flatMap(l => [l.qty, l.qty])]", "[true,2,-1,[1,2,[3]],[1,1,2,2]]")]
    [InlineData("[Array.from('ab'), Array.of(7), Object.entries({ a: 1 }), Object.fromEntries([['b', 2]]), Object.values({ c: 3 }), Object.assign({}, { d: 4 })]", "[[\"a\",\"b\"],[7],[[\"a\",1]],{\"b\":2},[3],{\"d\":4}]")]
    [InlineData("['abc'.startsWith('ab'), 'abc'.endsWith('bc'), 'abc'.includes('x'), '5'.padStart(3, '0'), '5'.padEnd(2, '.'), 'ab'.repeat(2), ' a '.trimStart(), ' a '.trimEnd(), [...'a1b2'.matchAll(/\\d/g)].map(m => m[0])]", "[true,true,false,\"005\",\"5.\",\"abab\",\"a \",\" a\",[\"1\",\"2\"]]")]
    [InlineData("[new Map([['a', 1]]).get('a'), new Set([1, 1, 2]).size, typeof Symbol('s')]", "[1,2,\"symbol\"]")]
    [InlineData("['a\\nb'.match(/a.b/s) !== null, /(?<y>\\d{4})/u.exec('in 2024').groups.y, /a/y.sticky]", "[true,\"2024\",true]")]
    [InlineData("[new Date(2024, 0, 31).getMonth(), JSON.stringify({ a: [1] }), JSON.parse('{\"b\":2}').b]", "[0,\"{\\\"a\\\":[1]}\",2]")]
    public void Evaluate_EveryItemOfTheLanguageChecklist_GivesWhatJavaScriptGives(string source, string expectedJson)
    {
        var scope = new ExpressionScope(Now).Set("first", "Ada").Set("last", "Lovelace").Set("customer", (string?)null)
            .Set("lines", JsonNode.Parse("""[{"qty":1,"price":10,"sku":"a"},{"qty":2,"price":20}]"""));

        var result = _evaluator.Evaluate(source, scope, ExpectedType.Any, "$.checklist");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), result.Value.ToJsonNode()), $"{source} gave {result.Value.ToJsonNode()?.ToJsonString()}");
    }

    public void Dispose() => _evaluator.Dispose();
}
