using LowCode.Engine.Changes;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tests.Storage;

namespace LowCode.Engine.Tests.Changes;

/// <summary>What subscribers are told about a write, and when: after its commit, never for a rollback. Runs on both databases.</summary>
public abstract class RuntimeChangeInterceptorTests(DatabaseProvider provider)
{
    [Fact]
    public async Task ASaveOutsideATransaction_IsPublishedOnceSaved()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (contexts, published) = Watched(db);

        await using (var context = contexts.CreateDbContext())
        {
            context.Notifications.Add(Notification("n-1", "emma@example.com"));
            await context.SaveChangesAsync();
        }

        var change = Assert.Single(published);
        Assert.Equal((RuntimeChangeKind.NotificationReceived, "n-1", "emma@example.com"), (change.Kind, change.Id, change.User));
    }

    [Fact]
    public async Task ASaveInsideATransaction_IsPublishedAtTheCommitAndNotBefore()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (contexts, published) = Watched(db);

        await using var context = contexts.CreateDbContext();
        await using var transaction = await context.Database.BeginTransactionAsync();
        context.Notifications.Add(Notification("n-2", "emma@example.com"));
        context.Events.Add(new EventRecord { Type = "taskCreated", InstanceId = "i-1", Payload = "{}" });
        context.Events.Add(new EventRecord { Type = "routeDecided", InstanceId = "i-1", Payload = "{}" });
        await context.SaveChangesAsync();
        Assert.Empty(published);

        await transaction.CommitAsync();

        Assert.Equal([RuntimeChangeKind.InstanceChanged, RuntimeChangeKind.NotificationReceived], published.Select(c => c.Kind).Order());
        Assert.Equal(["taskCreated", "routeDecided"], published.Single(c => c.Kind == RuntimeChangeKind.InstanceChanged).Events.ToArray());
    }

    [Fact]
    public async Task ATransactionRolledBack_PublishesNothing_AndTheNextCommitOnlyItsOwnChanges()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (contexts, published) = Watched(db);

        await using var context = contexts.CreateDbContext();
        await using (var rolledBack = await context.Database.BeginTransactionAsync())
        {
            context.Notifications.Add(Notification("n-3", "emma@example.com"));
            await context.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }

        context.ChangeTracker.Clear();
        await using (var committed = await context.Database.BeginTransactionAsync())
        {
            context.Notifications.Add(Notification("n-4", "max@example.com"));
            await context.SaveChangesAsync();
            await committed.CommitAsync();
        }

        Assert.Equal("n-4", Assert.Single(published).Id);
    }

    private static (LowCodeDbContextFactory Contexts, List<RuntimeChange> Published) Watched(TestDatabase db)
    {
        var published = new List<RuntimeChange>();
        var notifier = new RecordingNotifier(published);
        var interceptor = new RuntimeChangeInterceptor(notifier, TimeProvider.System);
        return (new LowCodeDbContextFactory(db.Options with { Interceptors = [interceptor] }), published);
    }

    private static NotificationRecord Notification(string id, string user) => new() { Id = id, RecipientUser = user, Message = "Hello" };

    private sealed class RecordingNotifier(List<RuntimeChange> published) : IRuntimeChangeNotifier
    {
        public void Publish(IReadOnlyList<RuntimeChange> changes)
        {
            lock (published)
            {
                published.AddRange(changes);
            }
        }

        public IAsyncEnumerable<RuntimeChange> Subscribe(Func<RuntimeChange, bool> filter, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The test reads what was published directly.");
    }
}

public sealed class RuntimeChangeInterceptorTestsOnSqlite() : RuntimeChangeInterceptorTests(DatabaseProvider.Sqlite);

public sealed class RuntimeChangeInterceptorTestsOnPostgreSQL() : RuntimeChangeInterceptorTests(DatabaseProvider.PostgreSQL);
