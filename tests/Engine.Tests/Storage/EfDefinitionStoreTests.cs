using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Tests.Storage;

/// <summary>Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class EfDefinitionStoreTests(DatabaseProvider provider)
{
    [Fact]
    public async Task SaveDraft_WithNewKey_CreatesDraftVersionZeroWithETag()
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada");

        Assert.True(result.Succeeded, result.Error?.Message);
        var draft = result.Value!;
        Assert.Equal(0, draft.Version);
        Assert.Equal(DefinitionStatus.Draft, draft.Status);
        Assert.Equal("leave-request", draft.Key);
        Assert.Equal("Leave request", draft.Name);
        Assert.Equal("ada", draft.CreatedBy);
        Assert.False(string.IsNullOrEmpty(draft.ETag));
    }

    [Fact]
    public async Task SaveDraft_WithStaleETag_IsConflictAndKeepsTheNewerText()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = (await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada")).Value!;
        var second = await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(name: "Leave v2"), first.ETag, "bob");
        Assert.True(second.Succeeded);

        var stale = await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(name: "Leave from a stale tab"), first.ETag, "ada");

        Assert.False(stale.Succeeded);
        Assert.Equal(StoreErrorKind.Conflict, stale.Error!.Kind);
        Assert.Contains("bob", stale.Error.Message, StringComparison.Ordinal);
        var stored = await db.Store.GetDraftAsync(DefinitionKind.Form, "leave-request");
        Assert.Equal("Leave v2", stored!.Name);
    }

    [Fact]
    public async Task SaveDraft_OverExistingDraftWithoutETag_IsConflict()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada");

        var blind = await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(name: "Other"), null, "bob");

        Assert.Equal(StoreErrorKind.Conflict, blind.Error!.Kind);
    }

    [Fact]
    public async Task SaveDraft_WithProblems_ListsEveryProblemAndSavesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string json = """
            { "key": "Bad Key", "name": "", "fields": [ { "key": "a", "type": "txt" }, { "key": "a", "type": "text" } ] }
            """;

        var result = await db.Store.SaveDraftAsync(DefinitionKind.Form, json, null, "ada");

        Assert.Equal(StoreErrorKind.Invalid, result.Error!.Kind);
        var paths = result.Error.Problems.Select(p => p.Path).ToList();
        Assert.Contains("$.key", paths);
        Assert.Contains("$.name", paths);
        Assert.Contains("$.fields[0].type", paths);
        Assert.Contains("$.fields[1].key", paths);
        Assert.Empty(await db.Store.ListAsync());
    }

    [Fact]
    public async Task SaveDraft_WithUnsupportedExpression_IsRejectedAtTheExpressionsPath()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string json = """
            { "key": "feedback", "name": "Feedback", "fields": [
              { "key": "amount", "type": "number" },
              { "key": "note", "type": "text", "visibleWhen": "amount > 5 && (class {})" } ] }
            """;

        var result = await db.Store.SaveDraftAsync(DefinitionKind.Form, json, null, "ada");

        var problem = Assert.Single(result.Error!.Problems);
        Assert.Equal("$.fields[1].visibleWhen", problem.Path);
        Assert.Equal("expression.syntax", problem.Code);
        Assert.Contains("column", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveDraft_WithMalformedJson_ReportsLineAndColumn()
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await db.Store.SaveDraftAsync(DefinitionKind.Form, "{\n  \"key\": \"x\",\n  \"name\": \n}", null, "ada");

        var problem = Assert.Single(result.Error!.Problems);
        // The value after "name": is missing, so the parser stops at the closing brace on line 4.
        Assert.Equal(4, problem.Line);
        Assert.Equal(1, problem.Column);
        Assert.Equal("json.syntax", problem.Code);
    }

    [Fact]
    public async Task Publish_CreatesNumberedImmutableVersionsAndConsumesTheDraft()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var draft = (await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada")).Value!;

        var v1 = await db.Store.PublishAsync(DefinitionKind.Form, "leave-request", draft.ETag, "ada");
        var draft2 = (await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(name: "Leave request v2"), null, "ada")).Value!;
        var v2 = await db.Store.PublishAsync(DefinitionKind.Form, "leave-request", draft2.ETag, "ada");

        Assert.Equal(1, v1.Value!.Version);
        Assert.Equal(2, v2.Value!.Version);
        Assert.Null(await db.Store.GetDraftAsync(DefinitionKind.Form, "leave-request"));
        Assert.Equal("Leave request", (await db.Store.GetAsync(DefinitionKind.Form, "leave-request", 1))!.Name);
        Assert.Equal("Leave request v2", (await db.Store.GetAsync(DefinitionKind.Form, "leave-request"))!.Name);
        Assert.Equal(DefinitionStatus.Published, v1.Value.Status);
        Assert.NotNull(v1.Value.PublishedAt);
    }

    [Fact]
    public async Task Publish_WithoutDraft_IsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await db.Store.PublishAsync(DefinitionKind.Form, "missing", null, "ada");

        Assert.Equal(StoreErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task Publish_ProcessNamingUnpublishedForm_IsInvalidAtTheFormPath()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada");
        var process = await db.Store.SaveDraftAsync(DefinitionKind.Process, Samples.Process(), null, "ada");
        Assert.True(process.Succeeded, process.Error?.ToString());

        var result = await db.Store.PublishAsync(DefinitionKind.Process, "leave", null, "ada");

        Assert.Equal(StoreErrorKind.Invalid, result.Error!.Kind);
        Assert.Contains(result.Error.Problems, p => p.Path == "$.steps[0].form" && p.Code == "step.unknownForm");
    }

    [Fact]
    public async Task Retire_HidesVersionFromLatestButKeepsItReadable()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada");
        await db.Store.PublishAsync(DefinitionKind.Form, "leave-request", null, "ada");
        await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(name: "v2"), null, "ada");
        await db.Store.PublishAsync(DefinitionKind.Form, "leave-request", null, "ada");

        var retired = await db.Store.RetireAsync(DefinitionKind.Form, "leave-request", 2, "ada");

        Assert.Equal(DefinitionStatus.Retired, retired.Value!.Status);
        Assert.Equal(1, (await db.Store.GetAsync(DefinitionKind.Form, "leave-request"))!.Version);
        Assert.Equal(DefinitionStatus.Retired, (await db.Store.GetAsync(DefinitionKind.Form, "leave-request", 2))!.Status);
        var again = await db.Store.RetireAsync(DefinitionKind.Form, "leave-request", 2, "ada");
        Assert.Equal(StoreErrorKind.Conflict, again.Error!.Kind);
    }

    [Fact]
    public async Task Publish_And_Retire_AppendLifecycleEvents()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada");
        await db.Store.PublishAsync(DefinitionKind.Form, "leave-request", null, "ada");
        await db.Store.RetireAsync(DefinitionKind.Form, "leave-request", 1, "bob");

        await using var context = await db.Contexts.CreateDbContextAsync();
        var events = context.Events.OrderBy(e => e.Id).Select(e => new { e.Type, e.Actor }).ToList();

        Assert.Equal(["definitionPublished", "definitionRetired"], events.Select(e => e.Type));
        Assert.Equal(["ada", "bob"], events.Select(e => e.Actor));
    }

    [Fact]
    public async Task DiscardDraft_WithCurrentETag_RemovesOnlyTheDraft()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada");
        await db.Store.PublishAsync(DefinitionKind.Form, "leave-request", null, "ada");
        var draft = (await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(name: "v2"), null, "ada")).Value!;

        var discarded = await db.Store.DiscardDraftAsync(DefinitionKind.Form, "leave-request", draft.ETag, "ada");

        Assert.True(discarded.Succeeded);
        var history = await db.Store.GetHistoryAsync(DefinitionKind.Form, "leave-request");
        Assert.Equal([1], history.Select(h => h.Version));
    }

    [Fact]
    public async Task ConcurrentPublishes_OfTheSameDraft_ProduceOneVersion()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var draft = (await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada")).Value!;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => db.Store.PublishAsync(DefinitionKind.Form, "leave-request", draft.ETag, "ada")));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Error!.Kind is StoreErrorKind.Conflict or StoreErrorKind.NotFound));
        Assert.Equal([1], (await db.Store.GetHistoryAsync(DefinitionKind.Form, "leave-request")).Select(h => h.Version));
    }
}

public sealed class EfDefinitionStoreTestsOnSqlite() : EfDefinitionStoreTests(DatabaseProvider.Sqlite);

public sealed class EfDefinitionStoreTestsOnPostgreSQL() : EfDefinitionStoreTests(DatabaseProvider.PostgreSQL);
