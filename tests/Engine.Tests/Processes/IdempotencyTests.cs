using LowCode.Engine.Events;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Processes;

public abstract class IdempotencyTests(DatabaseProvider provider)
{
    [Fact]
    public async Task StartingTwiceWithOneKeyReturnsTheFirstInstanceAndStartsNoOther()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);

        var first = await h.Runtime.StartAsync("expense-approval", null, null, "start-42", RuntimeHarness.Employee);
        var second = await h.Runtime.StartAsync("expense-approval", null, null, "start-42", RuntimeHarness.Employee);

        Assert.False(first.Value!.Replayed);
        Assert.True(second.Value!.Replayed);
        Assert.Equal(first.Value.InstanceId, second.Value.InstanceId);
        Assert.Equal(first.Value.CreatedTaskIds.ToArray(), second.Value.CreatedTaskIds.ToArray());
        await using var db = await h.Database.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.Instances.CountAsync());
    }

    [Fact]
    public async Task CompletingTwiceWithOneKeyReturnsTheFirstResultAndChangesNothing()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");

        var first = await h.Runtime.CompleteTaskAsync(submit.Id, Claims.Expense(40), null, "done-1", RuntimeHarness.Employee);
        var events = (await h.Runtime.TimelineAsync(id)).Count;
        var second = await h.Runtime.CompleteTaskAsync(submit.Id, Claims.Expense(999), null, "done-1", RuntimeHarness.Employee);

        Assert.True(second.Value!.Replayed);
        Assert.Equal(first.Value!.CreatedTaskIds.ToArray(), second.Value.CreatedTaskIds.ToArray());
        Assert.Equal(events, (await h.Runtime.TimelineAsync(id)).Count);
        Assert.Single(await h.Runtime.TimelineAsync(id), e => e.Type == EventTypes.TaskCompleted);
    }

    [Fact]
    public async Task AKeyReusedForAnotherTaskIsRejected()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var a = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var b = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.Runtime.CompleteTaskAsync((await h.OpenTaskAsync(a, "submit")).Id, Claims.Expense(40), null, "k", RuntimeHarness.Employee);

        var reused = await h.Runtime.CompleteTaskAsync((await h.OpenTaskAsync(b, "submit")).Id, Claims.Expense(40), null, "k", RuntimeHarness.Employee);

        Assert.Equal(RuntimeErrorKind.Invalid, reused.Error!.Kind);
        Assert.Equal("idempotency.reused", reused.Error.Problems[0].Code);
    }

    [Fact]
    public async Task ASecondInstanceWithTheSameBusinessKeyIsAConflict()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        await h.StartAsync("expense-approval", RuntimeHarness.Employee, businessKey: "EXP-7");

        var duplicate = await h.Runtime.StartAsync("expense-approval", null, "EXP-7", null, RuntimeHarness.Employee);
        var otherProcess = await h.Runtime.StartAsync("it-access-request", null, "EXP-7", null, RuntimeHarness.Employee);

        Assert.Equal(RuntimeErrorKind.Conflict, duplicate.Error!.Kind);
        Assert.True(otherProcess.Succeeded);
    }

    [Fact]
    public async Task StartingAnUnpublishedProcessIsNotFound()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider, seed: false);

        var result = await h.Runtime.StartAsync("expense-approval", null, null, null, RuntimeHarness.Employee);

        Assert.Equal(RuntimeErrorKind.NotFound, result.Error!.Kind);
    }
}

public sealed class IdempotencyTestsOnSqlite() : IdempotencyTests(DatabaseProvider.Sqlite);

public sealed class IdempotencyTestsOnPostgreSQL() : IdempotencyTests(DatabaseProvider.PostgreSQL);
