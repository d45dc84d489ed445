using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Storage;

/// <summary>
/// The SQLite writer commits the steps waiting together in one transaction, each in a savepoint: a refused step is
/// undone alone, the others are stored, and no step hears back before its batch committed.
/// </summary>
public sealed class SqliteStepCommitterTests
{
    [Fact]
    public async Task StepsWaitingTogether_CommitInOneTransaction_AndARefusedStepIsUndoneAlone()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db.Contexts, "t-1", "t-2", "t-3");
        using var gate = new SemaphoreSlim(1, 1);
        using var committer = new SqliteStepCommitter(db.Options.ConnectionString, gate);

        // While another writer holds the gate the three steps queue up behind it, so the writer takes them as one batch.
        await gate.WaitAsync();
        var contexts = new List<LowCodeDbContext>();
        var saves = new List<Task>();
        foreach (var id in new[] { "t-1", "t-2", "t-3" })
        {
            var context = db.Contexts.CreateDbContext();
            contexts.Add(context);
            var task = await context.Tasks.SingleAsync(t => t.Id == id);
            if (id == "t-3")
            {
                await using var other = db.Contexts.CreateDbContext();
                await other.Tasks.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ETag, "etag-other"));
            }

            task.Status = "Completed";
            task.ETag = "etag-2";
            context.Events.Add(new EventRecord { Type = "taskCompleted", InstanceId = "i-1", TaskId = id, Payload = "{}" });
            saves.Add(StepWriter.SaveAsync(context, committer, [], CancellationToken.None));
        }

        Assert.All(saves, save => Assert.False(save.IsCompleted));
        gate.Release();

        await saves[0];
        await saves[1];
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => saves[2]);
        Assert.Equal(1, committer.Commits);
        await using var check = db.Contexts.CreateDbContext();
        Assert.Equal(
            [("t-1", "etag-2"), ("t-2", "etag-2"), ("t-3", "etag-other")],
            (await check.Tasks.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.ETag }).ToListAsync()).Select(t => (t.Id, t.ETag)));
        Assert.Equal(["t-1", "t-2"], await check.Events.AsNoTracking().OrderBy(e => e.Id).Select(e => e.TaskId!).ToListAsync());
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task AStepWhoseKeyIsTakenByAnEarlierStepOfItsBatch_IsRefusedAsAnUpdateError_AndTheEarlierOneIsStored()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var gate = new SemaphoreSlim(1, 1);
        using var committer = new SqliteStepCommitter(db.Options.ConnectionString, gate);
        await gate.WaitAsync();
        await using var first = db.Contexts.CreateDbContext();
        await using var second = db.Contexts.CreateDbContext();
        first.IdempotencyKeys.Add(new IdempotencyRecord { Operation = "completeTask", Key = "k-1", Result = "{\"first\":true}", CreatedAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc) });
        second.IdempotencyKeys.Add(new IdempotencyRecord { Operation = "completeTask", Key = "k-1", Result = "{\"second\":true}", CreatedAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc) });
        var saves = new[] { StepWriter.SaveAsync(first, committer, [], CancellationToken.None), StepWriter.SaveAsync(second, committer, [], CancellationToken.None) };
        gate.Release();

        await saves[0];
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => saves[1]);
        Assert.IsNotType<DbUpdateConcurrencyException>(refused);
        Assert.Equal(1, committer.Commits);
        await using var check = db.Contexts.CreateDbContext();
        Assert.Equal("{\"first\":true}", (await check.IdempotencyKeys.AsNoTracking().SingleAsync()).Result);
    }

    [Fact]
    public async Task AStepDecidedOnARuleSetVersionNoLongerLatest_IsRefusedAndNamesTheRuleSet()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db.Contexts, "t-1");
        await using (var definitions = db.Contexts.CreateDbContext())
        {
            definitions.Definitions.Add(RuleSet(1));
            definitions.Definitions.Add(RuleSet(2));
            await definitions.SaveChangesAsync();
        }

        using var gate = new SemaphoreSlim(1, 1);
        using var committer = new SqliteStepCommitter(db.Options.ConnectionString, gate);
        await using var context = db.Contexts.CreateDbContext();
        (await context.Tasks.SingleAsync(t => t.Id == "t-1")).ETag = "etag-2";

        var stale = await Assert.ThrowsAsync<DefinitionChangedException>(() => StepWriter.SaveAsync(context, committer, [new DefinitionRead(DefinitionKind.RuleSet, "routing", 1)], CancellationToken.None));
        Assert.Equal("routing", stale.Key);
        Assert.Contains("version 1", stale.Message, StringComparison.Ordinal);

        await StepWriter.SaveAsync(context, committer, [new DefinitionRead(DefinitionKind.RuleSet, "routing", 2)], CancellationToken.None);
        await using var check = db.Contexts.CreateDbContext();
        Assert.Equal("etag-2", (await check.Tasks.AsNoTracking().SingleAsync(t => t.Id == "t-1")).ETag);
    }

    [Fact]
    public async Task EverySixteenCommits_TheWriterHasTheWalCheckpointedBesideIt()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var gate = new SemaphoreSlim(1, 1);
        using var committer = new SqliteStepCommitter(db.Options.ConnectionString, gate);
        var checkpointed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        committer.Checkpointed += () => checkpointed.TrySetResult();

        // One step per commit, awaited one by one: 16 commits signal the checkpointer once.
        for (var i = 0; i < 16; i++)
        {
            await using var context = db.Contexts.CreateDbContext();
            context.Events.Add(new EventRecord { Type = "scriptRan", InstanceId = "i-1", Payload = new string('x', 4000) });
            await StepWriter.SaveAsync(context, committer, [], CancellationToken.None);
        }

        await checkpointed.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(16, committer.Commits);
        await using var check = db.Contexts.CreateDbContext();
        Assert.Equal(16, await check.Events.CountAsync());
    }

    [Fact]
    public async Task EveryPooledOpenOfAContextsConnection_WritesWithSynchronousNormal()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        for (var open = 0; open < 3; open++)
        {
            await using var context = db.Contexts.CreateDbContext();
            await context.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)context.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";

            // 1 is NORMAL; SQLite's default for a new connection is 2 (FULL).
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }
    }

    private static DefinitionRecord RuleSet(int version) => new()
    {
        Kind = "RuleSet",
        Key = "routing",
        Version = version,
        Status = "Published",
        Name = "Routing",
        Body = "{}",
        ETag = $"etag-{version}",
        CreatedBy = "admin",
        UpdatedBy = "admin",
    };

    private static async Task SeedAsync(IDbContextFactory<LowCodeDbContext> contexts, params string[] ids)
    {
        await using var context = contexts.CreateDbContext();
        foreach (var id in ids)
        {
            context.Tasks.Add(new TaskRecord { Id = id, InstanceId = "i-1", StepKey = "submit", Status = "Open", ETag = "etag-1", CreatedAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc) });
        }

        await context.SaveChangesAsync();
    }
}
