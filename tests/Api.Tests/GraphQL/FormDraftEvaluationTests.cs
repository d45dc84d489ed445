using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>evaluateFormDraft over HTTP. Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class FormDraftEvaluationTests
{
    private const string Selection = "valid values fields { path key visible required readonly value } errors { path code message }";

    private const string DraftQuery = $$"""
        query($form: JSON!, $data: JSON!, $now: DateTime) {
          evaluateFormDraft(form: $form, data: $data, now: $now) { {{Selection}} }
        }
        """;

    private static readonly int[] NotAnObject = [1, 2];

    private readonly ApiFactory _factory;

    protected FormDraftEvaluationTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task TheSeedFormsOwnText_GetsExactlyTheVerdictOfEvaluateFormOnItsPublishedVersion()
    {
        using var client = _factory.CreateClient();
        var body = (await GraphQLClient.PostAsync(client, "{ form(key: \"expense-claim\") { body } }")).GetProperty("data").GetProperty("form").GetProperty("body");
        var data = new { isTravel = true, lines = new object[] { new { date = "2026-03-01", category = "lodging", description = "Hotel", amount = 1200 } } };
        const string now = "2026-03-15T10:00:00Z";

        var stored = await GraphQLClient.PostAsync(
            client,
            $$"""query($data: JSON!, $now: DateTime) { evaluateForm(key: "expense-claim", data: $data, now: $now) { {{Selection}} } }""",
            new { data, now });
        var draft = await GraphQLClient.PostAsync(client, DraftQuery, new { form = body, data, now }, Caller.Designer("designer@example.com"));

        Assert.False(draft.TryGetProperty("errors", out _), draft.ToString());
        Assert.False(draft.GetProperty("data").GetProperty("evaluateFormDraft").GetProperty("valid").GetBoolean());
        Assert.Equal(
            stored.GetProperty("data").GetProperty("evaluateForm").GetRawText(),
            draft.GetProperty("data").GetProperty("evaluateFormDraft").GetRawText());
    }

    [Fact]
    public async Task AnUnsavedEdit_IsJudgedAsItStands_AndNothingIsSaved()
    {
        using var client = _factory.CreateClient();
        var form = new
        {
            key = "unsaved-preview",
            name = "Unsaved preview",
            fields = new object[]
            {
                new { key = "price", type = "number" },
                new { key = "withTax", type = "computed", computed = "price * 1.25" },
                new { key = "reason", type = "text", visibleWhen = "price > 100", requiredWhen = "price > 100" },
            },
        };

        var result = await GraphQLClient.PostAsync(client, DraftQuery, new { form, data = new { price = 200 } }, Caller.Designer("designer@example.com"));

        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        var evaluation = result.GetProperty("data").GetProperty("evaluateFormDraft");
        Assert.Equal(250, evaluation.GetProperty("values").GetProperty("withTax").GetDouble());
        Assert.Equal("reason:required", Errors(evaluation).Single());
        var saved = await GraphQLClient.PostAsync(client, "{ form(key: \"unsaved-preview\", version: 0) { key } }");
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("data").GetProperty("form").ValueKind);
    }

    [Fact]
    public async Task MetadataThatWouldNotSave_IsBadUserInputListingEachProblemAtItsJsonPath()
    {
        using var client = _factory.CreateClient();
        var form = new
        {
            key = "broken-preview",
            name = "Broken preview",
            fields = new object[] { new { key = "price", type = "number" }, new { key = "price", type = "text" }, new { key = "total", type = "computed", computed = "price *" } },
        };

        var result = await GraphQLClient.PostAsync(client, DraftQuery, new { form, data = new { } }, Caller.Designer("designer@example.com"));

        var error = result.GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("the form cannot be evaluated until its metadata is fixed", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var paths = error.GetProperty("extensions").GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.fields[1].key", paths);
        Assert.Contains(paths, p => p!.Contains("fields[2].computed", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task FormTextThatIsNotJson_IsBadUserInputWithTheLineAndColumn()
    {
        using var client = _factory.CreateClient();
        const string text = "{\n  \"key\": \"typo\",\n  \"name\": \"Typo\",\n  \"fields\": [ { \"key\": \"a\", \"type\": \"text\", } ]\n}";

        var result = await GraphQLClient.PostAsync(client, DraftQuery, new { form = text, data = new { } }, Caller.Designer("designer@example.com"));

        var error = result.GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        var problem = error.GetProperty("extensions").GetProperty("problems")[0];
        Assert.Equal(4, problem.GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Number, problem.GetProperty("column").ValueKind);
    }

    [Fact]
    public async Task DataThatIsNotAnObject_IsBadUserInputThatSaysWhatDataMustBe()
    {
        using var client = _factory.CreateClient();
        var form = new { key = "data-shape", name = "Data shape", fields = new object[] { new { key = "a", type = "text" } } };

        var result = await GraphQLClient.PostAsync(client, DraftQuery, new { form, data = NotAnObject }, Caller.Designer("designer@example.com"));

        var error = result.GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("'data' must be a JSON object", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUserWithoutTheDesignerPermission_IsForbidden()
    {
        using var client = _factory.CreateClient();
        var form = new { key = "forbidden-preview", name = "Forbidden", fields = new object[] { new { key = "a", type = "text" } } };

        var result = await GraphQLClient.PostAsync(client, DraftQuery, new { form, data = new { } }, Caller.User("user@example.com"));

        Assert.Equal("FORBIDDEN", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static List<string> Errors(JsonElement evaluation) =>
        [.. evaluation.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}:{e.GetProperty("code").GetString()}")];
}

public sealed class FormDraftEvaluationTestsOnSqlite(SqliteApiFactory factory) : FormDraftEvaluationTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class FormDraftEvaluationTestsOnPostgreSQL(PostgresApiFactory factory) : FormDraftEvaluationTests(factory), IClassFixture<PostgresApiFactory>;
