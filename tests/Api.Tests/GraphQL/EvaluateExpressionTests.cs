using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>
/// <c>evaluateExpression</c> over HTTP: values, categorised errors with positions, the place's names, and hostile input
/// as results. Runs on SQLite and on PostgreSQL through the subclasses at the end of the file, as the other Api tests do.
/// </summary>
public abstract class EvaluateExpressionTests
{
    private const string Query = """
        query($expression: String!, $data: JSON, $context: ExpressionContext, $now: DateTime, $expected: ExpressionType) {
          evaluateExpression(expression: $expression, data: $data, context: $context, now: $now, expected: $expected) {
            ok value kind variables error { code message hint part line column }
          }
        }
        """;

    private static readonly int[] NotAnObject = [1, 2];

    private readonly ApiFactory _factory;

    protected EvaluateExpressionTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Es2020Expression_OverFormData_ReturnsItsValueKindAndVariables()
    {
        var result = await EvaluateAsync(new
        {
            expression = "lines.map(l => l.qty * l.price).reduce((t, x) => t + x, 0) + (customer?.discount ?? 0)",
            data = new { lines = new[] { new { qty = 2, price = 10 }, new { qty = 1, price = 5 } }, customer = (object?)null },
            expected = "NUMBER",
        });

        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal(25, result.GetProperty("value").GetDouble());
        Assert.Equal("NUMBER", result.GetProperty("kind").GetString());
        Assert.Equal(["customer", "lines"], result.GetProperty("variables").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task SyntaxError_IsAResultWithCodeLineColumnAndHint()
    {
        var result = await EvaluateAsync(new { expression = "amount >\n  > 5" });

        var error = Error(result);
        Assert.Equal(("SYNTAX", 2, 3), (error.GetProperty("code").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("hint").GetString()));
    }

    [Fact]
    public async Task RuntimeError_NamesTheFailingPartAndPosition()
    {
        var result = await EvaluateAsync(new { expression = "order.customer.name === 'x'", data = new { order = new { customer = (object?)null } }, expected = "BOOLEAN" });

        var error = Error(result);
        Assert.Equal(("RUNTIME", "order.customer.name", 1, 1), (error.GetProperty("code").GetString(), error.GetProperty("part").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));
    }

    [Fact]
    public async Task WrongKindOfValue_IsATypeMismatch()
    {
        var result = await EvaluateAsync(new { expression = "region", data = new { region = "EU" }, expected = "BOOLEAN" });

        Assert.Equal("TYPE_MISMATCH", Error(result).GetProperty("code").GetString());
    }

    [Fact]
    public async Task RuleActionContext_PutsDataEventAndTaskInScope_AsTheRulesEngineDoes()
    {
        var result = await EvaluateAsync(new
        {
            expression = "`${task.outcome} ${event.type} ${total} ${data.total}`",
            data = new { total = 1200 },
            context = new { place = "RULE_ACTION", @event = new { type = "taskCompleted" }, task = new { outcome = "approved" } },
        });

        Assert.Equal("approved taskCompleted 1200 1200", result.GetProperty("value").GetString());
    }

    [Fact]
    public async Task TableRowContext_PutsTheRowsColumnsBesideTheFormsFields()
    {
        var result = await EvaluateAsync(new
        {
            expression = "qty * price * (1 + vat)",
            data = new { vat = 0.2, qty = 99 },
            context = new { place = "TABLE_ROW", row = new { qty = 2, price = 10 } },
        });

        Assert.Equal(24, result.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task NowAndTimeZone_AreTheOnesGiven()
    {
        var result = await EvaluateAsync(new
        {
            expression = "[now(), today(), new Date().getHours()]",
            now = "2024-12-31T23:30:00Z",
            context = new { place = "FORM_FIELD", timeZone = "Asia/Tokyo" },
        });

        Assert.Equal("""["2024-12-31T23:30:00.000Z","2025-01-01",8]""", result.GetProperty("value").GetRawText());
    }

    [Theory]
    [InlineData("(f => f(f))(f => f(f))", "RECURSION_LIMIT")]
    [InlineData("'x'.repeat(2e8)", "MEMORY_LIMIT")]
    [InlineData("[...Array(10000)].map(() => [...Array(10000)].map(() => 1)).length", "STATEMENT_LIMIT")]
    [InlineData("/(a+)+$/.test('a'.repeat(40) + 'b')", "TIMEOUT")]
    [InlineData("(() => 1)['constr' + 'uctor']('return process')()", "FORBIDDEN")]
    [InlineData("Reflect.ownKeys(globalThis)", "FORBIDDEN")]
    [InlineData("(() => { Object['proto' + 'type'].polluted = 1; return 1; })()", "RUNTIME")]
    [InlineData("(async () => 1)()", "FORBIDDEN")]
    [InlineData("while (true) {}", "FORBIDDEN")]
    public async Task HostileExpression_IsACategorisedResult_AndTheNextEvaluationIsUnaffected(string expression, string code)
    {
        using var client = _factory.CreateClient();

        var hostile = await EvaluateAsync(new { expression }, client);
        var next = await EvaluateAsync(new { expression = "({}).polluted === undefined && amount > 1", data = new { amount = 2 } }, client);

        Assert.Equal(code, Error(hostile).GetProperty("code").GetString());
        Assert.True(next.GetProperty("value").GetBoolean());
    }

    [Fact]
    public async Task HostileData_TooDeepOrNotAnObject_IsAnInputLimitResult()
    {
        var deep = (object)1;
        for (var i = 0; i < 40; i++)
        {
            deep = new[] { deep };
        }

        var tooDeep = await EvaluateAsync(new { expression = "x.length", data = new { x = deep } });
        var notAnObject = await EvaluateAsync(new { expression = "1", data = NotAnObject });

        Assert.Equal("INPUT_LIMIT", Error(tooDeep).GetProperty("code").GetString());
        Assert.Equal("INPUT_LIMIT", Error(notAnObject).GetProperty("code").GetString());
    }

    [Fact]
    public async Task HugeExpression_IsTooComplex_NotAnHttpError()
    {
        var result = await EvaluateAsync(new { expression = new string('[', 30_000) + "1" + new string(']', 30_000) });

        Assert.Equal("TOO_COMPLEX", Error(result).GetProperty("code").GetString());
    }

    private static JsonElement Error(JsonElement result)
    {
        Assert.False(result.GetProperty("ok").GetBoolean(), result.GetRawText());
        return result.GetProperty("error");
    }

    private async Task<JsonElement> EvaluateAsync(object variables, HttpClient? shared = null)
    {
        using var owned = shared is null ? _factory.CreateClient() : null;
        var response = await GraphQLClient.PostAsync(shared ?? owned!, Query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data").GetProperty("evaluateExpression");
    }
}

public sealed class EvaluateExpressionTestsOnSqlite(SqliteApiFactory factory) : EvaluateExpressionTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class EvaluateExpressionTestsOnPostgreSQL(PostgresApiFactory factory) : EvaluateExpressionTests(factory), IClassFixture<PostgresApiFactory>;
