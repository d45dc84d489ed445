using LowCode.Engine.Events;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Tests.Processes;

public abstract class DoubleCompletionTests(DatabaseProvider provider)
{
    [Fact]
    public async Task TwoCompletionsOfOneTaskFromTwoConnectionsHaveExactlyOneWinnerAndTheOtherAConflict()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(40));
        var task = await h.OpenTaskAsync(id, "managerApproval");

        // Both completions read the open task and are held before they write, inside their transactions, until both
        // have read it (PostgreSQL); on SQLite the first is held there while the second starts on its own connection,
        // through its own runtime's writer. Each runtime has its own caches and writer, as two Api nodes would.
        var parties = provider == DatabaseProvider.PostgreSQL ? 2 : 1;
        var arrived = 0;
        var allInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new RuntimeHooks
        {
            BeforeCommitAsync = async (_, _) =>
            {
                var order = Interlocked.Increment(ref arrived);
                if (order == parties)
                {
                    allInside.SetResult();
                }

                if (order <= parties)
                {
                    await gate.Task;
                }
            },
        };
        var a = h.CreateRuntime(hooks);
        var b = h.CreateRuntime(hooks);

        var first = Task.Run(() => a.CompleteTaskAsync(task.Id, Claims.Review("first"), "approved", null, RuntimeHarness.Manager));
        var second = parties == 2 ? Task.Run(() => b.CompleteTaskAsync(task.Id, Claims.Review("second"), "rejected", null, RuntimeHarness.Manager)) : null;
        await allInside.Task;
        second ??= Task.Run(() => b.CompleteTaskAsync(task.Id, Claims.Review("second"), "rejected", null, RuntimeHarness.Manager));
        gate.SetResult();
        var results = await Task.WhenAll(first, second);

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(RuntimeErrorKind.Conflict, loser.Error!.Kind);
        var timeline = await h.Runtime.TimelineAsync(id);
        Assert.Single(timeline, e => e.Type == EventTypes.TaskCompleted && e.TaskId == task.Id);
        var winner = results[0].Succeeded ? "first" : "second";
        Assert.Equal(winner, (string?)(await h.InstanceAsync(id)).Data["reviewComment"]);
        // On PostgreSQL both are inside the commit at once. On SQLite the second may read the task before the first
        // commits (both then reach their writers and the ETag lets only one write match its row) or after (it stops
        // earlier): either way exactly one wins and the other gets a conflict, as asserted above.
        Assert.InRange(arrived, parties, 2);
    }

    [Fact]
    public async Task ARepeatedCompletionWhoseFirstCallCommitsAfterItsReplayLookup_GetsTheFirstResultNotAConflict()
    {
        // Found by the load harness (--duplicates, two Api nodes on PostgreSQL): a client sent a completion twice with
        // one idempotency key; the repeat looked for a stored result before the first committed and read the task
        // after, and answered CONFLICT "already completed" instead of the first call's result.
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(40));
        var task = await h.OpenTaskAsync(id, "managerApproval");
        var lookedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstCommitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        var retrying = h.CreateRuntime(new RuntimeHooks
        {
            AfterReplayLookupAsync = async (_, _) =>
            {
                if (Interlocked.Increment(ref held) == 1)
                {
                    lookedUp.SetResult();
                    await firstCommitted.Task;
                }
            },
        });

        var repeat = Task.Run(() => retrying.CompleteTaskAsync(task.Id, Claims.Review("ok"), "approved", "client-key-1", RuntimeHarness.Manager));
        await lookedUp.Task;
        var first = await h.Runtime.CompleteTaskAsync(task.Id, Claims.Review("ok"), "approved", "client-key-1", RuntimeHarness.Manager);
        firstCommitted.SetResult();
        var second = await repeat;

        Assert.True(first.Succeeded, first.Error?.Message);
        Assert.True(second.Succeeded, second.Error?.Message);
        Assert.False(first.Value!.Replayed);
        Assert.True(second.Value!.Replayed);
        Assert.Equal((first.Value.InstanceId, first.Value.CompletedTaskId), (second.Value.InstanceId, second.Value.CompletedTaskId));
        Assert.Single(await h.Runtime.TimelineAsync(id), e => e.Type == EventTypes.TaskCompleted && e.TaskId == task.Id);
    }

    [Fact]
    public async Task CompletingACompletedTaskIsAConflictNamingWhoCompletedIt()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        await h.CompleteAsync(submit, RuntimeHarness.Employee, Claims.Expense(40));

        var again = await h.Runtime.CompleteTaskAsync(submit.Id, Claims.Expense(40), null, null, RuntimeHarness.Employee);

        Assert.Equal(RuntimeErrorKind.Conflict, again.Error!.Kind);
        Assert.Contains("emma@example.com", again.Error.Message, StringComparison.Ordinal);
    }
}

public sealed class DoubleCompletionTestsOnSqlite() : DoubleCompletionTests(DatabaseProvider.Sqlite);

public sealed class DoubleCompletionTestsOnPostgreSQL() : DoubleCompletionTests(DatabaseProvider.PostgreSQL);
