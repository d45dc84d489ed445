using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Tests.Storage;

/// <summary>The store hands committed changes to its notifier. Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class StoreNotificationTests(DatabaseProvider provider)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Store_PublishesEachLifecycleChangeAfterItIsCommitted()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var cts = new CancellationTokenSource(Patience);
        var changes = db.Notifier.Subscribe(DefinitionKind.Form, "leave-request", cts.Token);

        var draft = (await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada")).Value!;
        var published = (await db.Store.PublishAsync(DefinitionKind.Form, "leave-request", draft.ETag, "bob")).Value!;
        await db.Store.RetireAsync(DefinitionKind.Form, "leave-request", published.Version, "cy");
        var second = (await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(name: "v2"), null, "dee")).Value!;
        await db.Store.DiscardDraftAsync(DefinitionKind.Form, "leave-request", second.ETag, "eve");

        var received = await TakeAsync(changes, 5, cts.Token);
        Assert.Equal(
            [
                (DefinitionChangeKind.DraftSaved, 0, "ada"),
                (DefinitionChangeKind.Published, 1, "bob"),
                (DefinitionChangeKind.Retired, 1, "cy"),
                (DefinitionChangeKind.DraftSaved, 0, "dee"),
                (DefinitionChangeKind.DraftDiscarded, 0, "eve"),
            ],
            received.Select(c => (c.Change, c.Version, c.User)));
        Assert.Equal(published.ETag, received[1].Current.ETag);
        Assert.Equal(DefinitionStatus.Retired, received[2].Current.Status);
    }

    [Fact]
    public async Task Store_PublishesNothingWhenTheWriteFails()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var cts = new CancellationTokenSource(Patience);
        var enumerator = db.Notifier.Subscribe(null, null, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = (await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada")).Value!;
        Assert.True(await enumerator.MoveNextAsync());

        var invalid = await db.Store.SaveDraftAsync(DefinitionKind.Form, """{ "key": "leave-request", "name": "" }""", first.ETag, "ada");
        var stale = await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(name: "x"), "stale", "bob");
        var missing = await db.Store.PublishAsync(DefinitionKind.Form, "no-such-form", null, "ada");
        await db.Store.DiscardDraftAsync(DefinitionKind.Form, "leave-request", first.ETag, "ada");

        Assert.Equal([StoreErrorKind.Invalid, StoreErrorKind.Conflict, StoreErrorKind.NotFound], new[] { invalid, stale, missing }.Select(r => r.Error!.Kind));
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(DefinitionChangeKind.DraftDiscarded, enumerator.Current.Change);
        await enumerator.DisposeAsync();
    }

    [Fact]
    public async Task Store_StaleETagConflict_CarriesTheCurrentETag()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = (await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(), null, "ada")).Value!;
        var second = (await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(name: "v2"), first.ETag, "bob")).Value!;

        var stale = await db.Store.SaveDraftAsync(DefinitionKind.Form, Samples.Form(name: "v3"), first.ETag, "ada");

        Assert.Equal(second.ETag, stale.Error!.CurrentETag);
    }

    private static async Task<List<DefinitionChange>> TakeAsync(IAsyncEnumerable<DefinitionChange> changes, int count, CancellationToken cancellationToken)
    {
        var received = new List<DefinitionChange>();
        await foreach (var change in changes.WithCancellation(cancellationToken))
        {
            received.Add(change);
            if (received.Count == count)
            {
                break;
            }
        }

        return received;
    }
}

public sealed class StoreNotificationTestsOnSqlite() : StoreNotificationTests(DatabaseProvider.Sqlite);

public sealed class StoreNotificationTestsOnPostgreSQL() : StoreNotificationTests(DatabaseProvider.PostgreSQL);
