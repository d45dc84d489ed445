using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Storage;

/// <summary>
/// On SQLite, EF Core's reads outside a transaction run on statements kept prepared on a few connections of their own;
/// what they return is what the query returns on the context's own connection.
/// </summary>
public sealed class SqlitePreparedReadsTests
{
    [Fact]
    public async Task TheSameQueryRunAgain_IsPreparedOnce_AndAnswersWithTheRowsCommittedSince()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var reads = Reads(db);
        await AddAsync(db, "t-1", "etag-1");
        var prepared = reads.Prepared;
        var taken = reads.Taken;

        var first = await ETagAsync(db, "t-1");
        await AddAsync(db, "t-2", "etag-2");
        var second = await ETagAsync(db, "t-2");
        await using (var context = db.Contexts.CreateDbContext())
        {
            await context.Tasks.Where(t => t.Id == "t-1").ExecuteUpdateAsync(s => s.SetProperty(t => t.ETag, "etag-3"));
        }

        var third = await ETagAsync(db, "t-1");

        Assert.Equal(("etag-1", "etag-2", "etag-3"), (first, second, third));
        Assert.Equal(3, reads.Taken - taken);
        Assert.Equal(1, reads.Prepared - prepared);
    }

    [Fact]
    public async Task EveryReadAfterACommit_SeesIt_WhileOtherReadsRunBeside()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await AddAsync(db, "t-0", "etag-0");
        using var stop = new CancellationTokenSource();
        var beside = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await ETagAsync(db, "t-0");
            }
        });

        for (var i = 0; i < 300; i++)
        {
            await using (var writer = db.Contexts.CreateDbContext())
            {
                await writer.Tasks.Where(t => t.Id == "t-0").ExecuteUpdateAsync(s => s.SetProperty(t => t.ETag, $"etag-{i}"));
            }

            Assert.Equal($"etag-{i}", await ETagAsync(db, "t-0"));
        }

        await stop.CancelAsync();
        await beside;
    }

    [Fact]
    public async Task AQueryInsideATransaction_StaysOnItsConnection_AndSeesTheTransactionsOwnWrites()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var reads = Reads(db);
        await using var context = db.Contexts.CreateDbContext();
        await using var transaction = await context.Database.BeginTransactionAsync();
        context.Tasks.Add(Row("t-1", "etag-1"));
        await context.SaveChangesAsync();
        var taken = reads.Taken;

        var inside = await context.Tasks.AsNoTracking().Where(t => t.Id == "t-1").Select(t => t.ETag).SingleOrDefaultAsync();

        Assert.Equal("etag-1", inside);
        Assert.Equal(taken, reads.Taken);
        await transaction.RollbackAsync();
        Assert.Null(await ETagAsync(db, "t-1"));
    }

    [Fact]
    public async Task ReadersLeftBeforeTheirLastRow_HandTheirConnectionBack()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var reads = Reads(db);
        for (var i = 0; i < 5; i++)
        {
            await AddAsync(db, $"t-{i}", $"etag-{i}");
        }

        var opened = reads.Opened;
        for (var i = 0; i < 200; i++)
        {
            await using var context = db.Contexts.CreateDbContext();
            Assert.NotNull(await context.Tasks.AsNoTracking().OrderBy(t => t.Id).FirstOrDefaultAsync());
            await foreach (var task in context.Tasks.AsNoTracking().OrderBy(t => t.Id).AsAsyncEnumerable())
            {
                Assert.Equal("t-0", task.Id);
                break;
            }
        }

        Assert.InRange(reads.Opened - opened, 0, 1);
    }

    [Fact]
    public async Task ManyReadsAtOnce_EachGetTheirOwnRows()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        for (var i = 0; i < 40; i++)
        {
            await AddAsync(db, $"t-{i}", $"etag-{i}");
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => ETagAsync(db, $"t-{i}"))));

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"etag-{i}"), answers);
        Assert.InRange(Reads(db).Taken, 40, int.MaxValue);
    }

    [Fact]
    public async Task AQueryWhoseCallerGaveUp_IsCancelled_AndItsConnectionGoesBack()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var reads = Reads(db);
        await AddAsync(db, "t-1", "etag-1");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var opened = reads.Opened;

        for (var i = 0; i < 50; i++)
        {
            await using var context = db.Contexts.CreateDbContext();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.Tasks.AsNoTracking().Where(t => t.Id == "t-1").Select(t => t.ETag).SingleOrDefaultAsync(cancelled.Token));
        }

        Assert.Equal("etag-1", await ETagAsync(db, "t-1"));
        Assert.InRange(reads.Opened - opened, 0, 1);
    }

    [Fact]
    public async Task AQueryNeedingAFunctionOnlyEfCoresConnectionsHave_IsLeftToEfCore()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var reads = Reads(db);
        await AddAsync(db, "t-1", "etag-1");
        await AddAsync(db, "x-2", "etag-2");
        var taken = reads.Taken;

        for (var i = 0; i < 3; i++)
        {
            await using var context = db.Contexts.CreateDbContext();
            Assert.Equal(["t-1"], await context.Tasks.AsNoTracking().Where(t => System.Text.RegularExpressions.Regex.IsMatch(t.Id, "^t-")).Select(t => t.Id).ToListAsync());
        }

        Assert.Equal(taken, reads.Taken);
    }

    [Theory]
    [InlineData("Data Source=:memory:", false)]
    [InlineData("Data Source=file::memory:?cache=shared", false)]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared", false)]
    [InlineData("Data Source=file:db?mode=memory&cache=shared", false)]
    [InlineData("Data Source=data/lowcode.db", true)]
    public void AnInMemoryDatabase_KeepsItsQueriesOnItsOwnConnection(string connectionString, bool taken)
    {
        using var reads = new SqlitePreparedReads(connectionString);

        Assert.Equal(taken, reads.Enabled);
    }

    private static SqlitePreparedReads Reads(TestDatabase db) => ((LowCodeDbContextFactory)db.Contexts).PreparedReads!;

    private static async Task<string?> ETagAsync(TestDatabase db, string id)
    {
        await using var context = db.Contexts.CreateDbContext();
        return await context.Tasks.AsNoTracking().Where(t => t.Id == id).Select(t => t.ETag).SingleOrDefaultAsync();
    }

    private static async Task AddAsync(TestDatabase db, string id, string etag)
    {
        await using var context = db.Contexts.CreateDbContext();
        context.Tasks.Add(Row(id, etag));
        await context.SaveChangesAsync();
    }

    private static TaskRecord Row(string id, string etag) =>
        new() { Id = id, InstanceId = "i-1", StepKey = "submit", Status = "Open", ETag = etag, CreatedAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc) };
}
