using LowCode.Engine.Notifications;
using LowCode.Engine.Outbox;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tests.Processes;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Boundaries;

public abstract class MailRetryTests(DatabaseProvider provider)
{
    private sealed class RefusingServer : IMailTransport
    {
        public int Calls { get; private set; }

        public Task SendAsync(OutboxRecord mail, CancellationToken cancellationToken)
        {
            Calls++;
            throw new IOException("451 4.3.0 Mail server temporarily rejected message");
        }
    }

    [Fact]
    public async Task AMailTheServerRefusesIsRetriedWithGrowingDelaysThenStaysFailedWithItsLastError()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        var h = b.Runtime;
        var server = new RefusingServer();
        var dispatcher = new OutboxDispatcher(h.Database.Contexts, h.Runtime, b.Webhooks, server, b.Mail, h.Options, h.Clock);
        string id;
        await using (var db = await h.Database.Contexts.CreateDbContextAsync())
        {
            id = Outbox.Outbox.Enqueue(db, OutboxMessage.Email("ops@example.com", "Heads up", "Something needs you.") with { Retries = 2 }, h.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await dispatcher.RunOnceAsync());
        var first = await RowAsync(h, id);
        Assert.Equal((OutboxStatuses.Pending, 1), (first.Status, first.Attempts));
        Assert.Contains("451", first.LastError, StringComparison.Ordinal);
        Assert.Equal(h.Clock.GetUtcNow().UtcDateTime + b.Mail.RetryDelay, first.NextAttemptAt);

        Assert.Equal(0, await dispatcher.RunOnceAsync());
        h.Clock.Advance(b.Mail.RetryDelay);
        Assert.Equal(1, await dispatcher.RunOnceAsync());
        Assert.Equal(h.Clock.GetUtcNow().UtcDateTime + (b.Mail.RetryDelay * 2), (await RowAsync(h, id)).NextAttemptAt);

        h.Clock.Advance(b.Mail.RetryDelay * 2);
        Assert.Equal(1, await dispatcher.RunOnceAsync());
        var last = await RowAsync(h, id);
        Assert.Equal((OutboxStatuses.Failed, 3, 3), (last.Status, last.Attempts, server.Calls));
        Assert.Contains("after 3 attempts", last.LastError, StringComparison.Ordinal);
        Assert.Contains(await b.Queries.OutboxAsync(OutboxStatuses.Failed, null), o => o.Id == id && o.Kind == OutboxKinds.Email);
    }

    private static async Task<OutboxRecord> RowAsync(RuntimeHarness h, string id)
    {
        await using var db = await h.Database.Contexts.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id);
    }
}

public sealed class MailRetryTestsOnSqlite() : MailRetryTests(DatabaseProvider.Sqlite);

public sealed class MailRetryTestsOnPostgreSQL() : MailRetryTests(DatabaseProvider.PostgreSQL);
