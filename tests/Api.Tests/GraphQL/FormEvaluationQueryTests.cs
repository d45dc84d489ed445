using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class FormEvaluationQueryTests
{
    private const string Query = """
        query($key: String!, $version: Int, $data: JSON!, $now: DateTime) {
          evaluateForm(key: $key, version: $version, data: $data, now: $now) {
            valid values fields { path key visible required readonly value } errors { path code message }
          }
        }
        """;

    private static readonly int[] NotAnObject = [1, 2];

    private readonly ApiFactory _factory;

    protected FormEvaluationQueryTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task EvaluateForm_OnThePublishedSeedForm_ReturnsComputedValuesStatesAndEveryError()
    {
        using var client = _factory.CreateClient();
        var data = new
        {
            isTravel = true,
            lines = new object[] { new { date = "2026-03-01", category = "lodging", description = "Hotel", amount = 900 }, new { date = "2026-03-02", category = "meals", description = "Dinner", amount = 150.5 } },
        };

        var evaluation = Evaluation(await GraphQLClient.PostAsync(client, Query, new { key = "expense-claim", data, now = "2026-03-15T10:00:00Z" }));

        Assert.False(evaluation.GetProperty("valid").GetBoolean());
        Assert.Equal(1050.5, evaluation.GetProperty("values").GetProperty("total").GetDouble());
        var justification = evaluation.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "justification");
        Assert.True(justification.GetProperty("visible").GetBoolean());
        Assert.True(justification.GetProperty("required").GetBoolean());
        var errors = evaluation.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}:{e.GetProperty("code").GetString()}").ToList();
        Assert.Contains("employee.employeeName:required", errors);
        Assert.Contains("destination:required", errors);
        Assert.Contains("justification:required", errors);
    }

    [Fact]
    public async Task EvaluateForm_WithVersionZero_EvaluatesTheDraft()
    {
        using var client = _factory.CreateClient();
        var save = await GraphQLClient.PostAsync(
            client,
            "mutation($definition: JSON!) { saveDraft(kind: FORM, key: \"preview-draft\", definition: $definition) { error { message } problems { path message } } }",
            new
            {
                definition = new
                {
                    key = "preview-draft",
                    name = "Preview draft",
                    fields = new object[] { new { key = "price", type = "number" }, new { key = "withTax", type = "computed", computed = "price * 1.2" } },
                },
            });
        Assert.Equal(JsonValueKind.Null, save.GetProperty("data").GetProperty("saveDraft").GetProperty("error").ValueKind);

        var evaluation = Evaluation(await GraphQLClient.PostAsync(client, Query, new { key = "preview-draft", version = 0, data = new { price = "10" } }));

        Assert.True(evaluation.GetProperty("valid").GetBoolean());
        Assert.Equal(12, evaluation.GetProperty("values").GetProperty("withTax").GetDouble());
    }

    [Fact]
    public async Task EvaluateForm_ForAnUnknownForm_ReturnsNull()
    {
        using var client = _factory.CreateClient();

        var result = await GraphQLClient.PostAsync(client, Query, new { key = "no-such-form", data = new { } });

        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("evaluateForm").ValueKind);
    }

    [Fact]
    public async Task EvaluateForm_WithDataThatIsNotAnObject_IsAFieldErrorThatSaysWhatDataMustBe()
    {
        using var client = _factory.CreateClient();

        var result = await GraphQLClient.PostAsync(client, Query, new { key = "expense-claim", data = NotAnObject });

        var message = result.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains("'data' must be a JSON object", message, StringComparison.Ordinal);
    }

    private static JsonElement Evaluation(JsonElement result)
    {
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        return result.GetProperty("data").GetProperty("evaluateForm");
    }
}

public sealed class FormEvaluationQueryTestsOnSqlite(SqliteApiFactory factory) : FormEvaluationQueryTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class FormEvaluationQueryTestsOnPostgreSQL(PostgresApiFactory factory) : FormEvaluationQueryTests(factory), IClassFixture<PostgresApiFactory>;
