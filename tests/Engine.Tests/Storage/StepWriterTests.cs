using LowCode.Engine.Changes;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Storage;

/// <summary>
/// The step writer gives what SaveChanges gives: rows stored with their generated keys, a changed token refused, a
/// taken key refused, and subscribers told only after the commit. Runs on both databases.
/// </summary>
public abstract class StepWriterTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AddedAndChangedRows_AreStoredWithTheirGeneratedKeys_AndPublishedAtTheCommit()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (contexts, published) = Watched(db);
        await SeedAsync(db.Contexts);

        await using (var context = contexts.CreateDbContext())
        {
            await context.Database.OpenConnectionAsync();
            var task = await context.Tasks.SingleAsync(t => t.Id == "t-1");
            await using var transaction = await context.Database.BeginTransactionAsync();
            task.Status = "Completed";
            task.CompletedAt = new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);
            task.ETag = "etag-2";
            var first = new EventRecord { Type = "taskCompleted", InstanceId = "i-1", TaskId = "t-1", Payload = "{\"a\":1}", OccurredAt = task.CompletedAt.Value };
            var second = new EventRecord { Type = "routeDecided", InstanceId = "i-1", Payload = "{}", OccurredAt = task.CompletedAt.Value };
            context.Events.AddRange(first, second);

            await StepWriter.SaveAsync(context);
            Assert.Empty(published);
            Assert.True(first.Id > 0 && second.Id > first.Id, $"Generated ids {first.Id} and {second.Id} were not read back in order.");
            Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));

            await transaction.CommitAsync();
        }

        Assert.Equal(["taskCompleted", "routeDecided"], Assert.Single(published).Events.ToArray());
        await using var check = contexts.CreateDbContext();
        var stored = await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == "t-1");
        Assert.Equal(("Completed", "etag-2", new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc)), (stored.Status, stored.ETag, stored.CompletedAt));
        Assert.Equal(["taskCompleted", "routeDecided"], await check.Events.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Type).ToListAsync());
    }

    [Fact]
    public async Task ARowWhoseTokenChangedSinceItWasRead_IsRefusedAsAConcurrencyConflict_AndNothingIsPublished()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (contexts, published) = Watched(db);
        await SeedAsync(db.Contexts);

        await using var context = contexts.CreateDbContext();
        await context.Database.OpenConnectionAsync();
        var task = await context.Tasks.SingleAsync(t => t.Id == "t-1");
        await using (var other = contexts.CreateDbContext())
        {
            await other.Tasks.Where(t => t.Id == "t-1").ExecuteUpdateAsync(s => s.SetProperty(t => t.ETag, "etag-other"));
        }

        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            task.Status = "Completed";
            task.ETag = "etag-2";
            context.Events.Add(new EventRecord { Type = "taskCompleted", InstanceId = "i-1", Payload = "{}" });

            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => StepWriter.SaveAsync(context));
        }

        Assert.Empty(published);
        await using var check = contexts.CreateDbContext();
        Assert.Equal("etag-other", (await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == "t-1")).ETag);
        Assert.Empty(await check.Events.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task AKeyAlreadyTaken_IsRefusedAsAnUpdateError()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (contexts, _) = Watched(db);
        await SeedAsync(db.Contexts);

        await using var context = contexts.CreateDbContext();
        await context.Database.OpenConnectionAsync();
        await using var transaction = await context.Database.BeginTransactionAsync();
        context.IdempotencyKeys.Add(new IdempotencyRecord { Operation = "completeTask", Key = "k-1", Result = "{}", CreatedAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc) });
        await StepWriter.SaveAsync(context);
        context.ChangeTracker.Clear();
        context.IdempotencyKeys.Add(new IdempotencyRecord { Operation = "completeTask", Key = "k-1", Result = "{}", CreatedAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc) });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => StepWriter.SaveAsync(context));
        Assert.IsNotType<DbUpdateConcurrencyException>(error);
    }

    private static async Task SeedAsync(IDbContextFactory<LowCodeDbContext> contexts)
    {
        await using var context = contexts.CreateDbContext();
        context.Tasks.Add(new TaskRecord { Id = "t-1", InstanceId = "i-1", StepKey = "submit", Status = "Open", ETag = "etag-1", CreatedAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc) });
        await context.SaveChangesAsync();
    }

    private static (LowCodeDbContextFactory Contexts, List<RuntimeChange> Published) Watched(TestDatabase db)
    {
        var published = new List<RuntimeChange>();
        var interceptor = new RuntimeChangeInterceptor(new RecordingNotifier(published), TimeProvider.System);
        return (new LowCodeDbContextFactory(db.Options with { Interceptors = [interceptor] }), published);
    }

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

public sealed class StepWriterTestsOnSqlite() : StepWriterTests(DatabaseProvider.Sqlite);

public sealed class StepWriterTestsOnPostgreSQL() : StepWriterTests(DatabaseProvider.PostgreSQL);
