using LowCode.Engine.Events;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Boundaries;

public abstract class TimerTests(DatabaseProvider provider)
{
    [Fact]
    public async Task TemporaryAccessWaitsUntilMidnightOfItsLastDayInTheConfiguredZoneAndIsThenRevoked()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        var h = b.Runtime;
        h.Options.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var id = await h.StartAsync("it-access-request", RuntimeHarness.Employee);
        var request = Claims.AccessRequest("prodServers", "admin");
        request["neededUntil"] = "2026-04-01";
        await h.CompleteAsync(await h.OpenTaskAsync(id, "request"), RuntimeHarness.Employee, request);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.AccessDecision("Yes."), "approved");
        await h.CompleteAsync(await h.OpenTaskAsync(id, "securityApproval"), RuntimeHarness.Security, Claims.AccessDecision("Yes."), "approved");
        await h.CompleteAsync(await h.OpenTaskAsync(id, "securityLeadReview"), RuntimeHarness.User("lee@example.com", "security-lead"), Claims.AccessDecision("Temporary."), "approved");
        await b.DispatchAllAsync();
        Assert.Equal(["waitForExpiry"], (await h.InstanceAsync(id)).Positions.ToArray());
        var waiting = Assert.Single(await b.Engine.TimelineAsync(id), e => e.Type == EventTypes.StepWaiting && e.StepKey == "waitForExpiry");
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero), waiting.Payload["dueAt"]!.GetValue<DateTimeOffset>());

        h.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 21, 59, 59, TimeSpan.Zero));
        await b.Timers.RunOnceAsync();
        Assert.Equal(["waitForExpiry"], (await h.InstanceAsync(id)).Positions.ToArray());

        h.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await b.Timers.RunOnceAsync());
        Assert.Equal(["revoke"], (await h.InstanceAsync(id)).Positions.ToArray());
        await b.DispatchAllAsync();

        var instance = await h.InstanceAsync(id);
        Assert.Equal("completed", instance.Status);
        Assert.Equal(["/api/v2/grants", "/api/v2/grants/revoke"], b.Server.Requests.Select(r => r.Path));
        Assert.Equal("expired", (await b.Engine.TimelineAsync(id)).Last(e => e.Type == EventTypes.InstanceCompleted).StepKey);
    }

    [Fact]
    public async Task TwoPollersOnOneDatabaseFireEveryTimerExactlyOnce()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        var h = b.Runtime;
        h.Options.Boundaries.BatchSize = 3;
        const int claims = 12;
        var ids = new List<string>();
        for (var i = 0; i < claims; i++)
        {
            var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
            await h.SubmitClaimAsync(id, 100 + i);
            ids.Add(id);
        }

        h.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var first = b.NewPoller();
        var second = b.NewPoller();
        var fired = new int[2];
        async Task Drain(LowCode.Engine.Timers.TimerPoller poller, int slot)
        {
            for (var pass = 0; pass < claims; pass++)
            {
                fired[slot] += await poller.RunOnceAsync();
            }
        }

        await Task.WhenAll(Task.Run(() => Drain(first, 0)), Task.Run(() => Drain(second, 1)));

        Assert.Equal(claims, fired[0] + fired[1]);
        await using var db = await h.Database.Contexts.CreateDbContextAsync();
        Assert.Equal(claims, await db.Events.CountAsync(e => e.Type == EventTypes.SlaBreached));
        Assert.Equal(claims, await db.Timers.CountAsync(t => t.Kind == StepExecution.SlaTimer && t.FiredAt != null));
        foreach (var id in ids)
        {
            Assert.Single((await h.InstanceAsync(id)).Exceptions, e => e.Code == "MANAGER_SLA_BREACHED");
        }
    }

    [Fact]
    public async Task ATimerClaimedByAPollerThatDiedIsFiredByAnotherOnceItsLeaseRunsOut()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        var h = b.Runtime;
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.SubmitClaimAsync(id, 80);
        h.Clock.Advance(TimeSpan.FromHours(49));
        await using (var db = await h.Database.Contexts.CreateDbContextAsync())
        {
            var lease = h.Clock.GetUtcNow().UtcDateTime + h.Options.Boundaries.LeaseDuration;
            Assert.Equal(1, await db.Timers.Where(t => t.InstanceId == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, "dead-node").SetProperty(t => t.LeaseUntil, lease)));
        }

        Assert.Equal(0, await b.Timers.RunOnceAsync());
        h.Clock.Advance(h.Options.Boundaries.LeaseDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await b.Timers.RunOnceAsync());
        Assert.Single(await b.Engine.TimelineAsync(id), e => e.Type == EventTypes.SlaBreached);
    }
}

public sealed class TimerTestsOnSqlite() : TimerTests(DatabaseProvider.Sqlite);

public sealed class TimerTestsOnPostgreSQL() : TimerTests(DatabaseProvider.PostgreSQL);
