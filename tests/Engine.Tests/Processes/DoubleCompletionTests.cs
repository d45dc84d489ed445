using LowCode.Engine.Events;
using LowCode.Engine.Processes;

namespace LowCode.Engine.Tests.Processes;

public sealed class DoubleCompletionTests
{
    [Fact]
    public async Task TwoCompletionsOfOneTaskFromTwoConnectionsHaveExactlyOneWinnerAndTheOtherAConflict()
    {
        await using var h = await RuntimeHarness.CreateAsync();
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(40));
        var task = await h.OpenTaskAsync(id, "managerApproval");

        // The first completion to reach its commit is held there, its transaction open, until the second has been
        // started on its own connection; each runtime has its own caches, as two Api nodes would.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        var hooks = new RuntimeHooks
        {
            BeforeCommitAsync = async (_, _) =>
            {
                if (Interlocked.Increment(ref held) == 1)
                {
                    firstInside.SetResult();
                    await gate.Task;
                }
            },
        };
        var a = h.CreateRuntime(hooks);
        var b = h.CreateRuntime(hooks);

        var first = Task.Run(() => a.CompleteTaskAsync(task.Id, Claims.Review("first"), "approved", null, RuntimeHarness.Manager));
        await firstInside.Task;
        var second = Task.Run(() => b.CompleteTaskAsync(task.Id, Claims.Review("second"), "rejected", null, RuntimeHarness.Manager));
        gate.SetResult();
        var results = await Task.WhenAll(first, second);

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(RuntimeErrorKind.Conflict, loser.Error!.Kind);
        var timeline = await h.Runtime.TimelineAsync(id);
        Assert.Single(timeline, e => e.Type == EventTypes.TaskCompleted && e.TaskId == task.Id);
        Assert.Equal("first", (string?)(await h.InstanceAsync(id)).Data["reviewComment"]);
    }

    [Fact]
    public async Task CompletingACompletedTaskIsAConflictNamingWhoCompletedIt()
    {
        await using var h = await RuntimeHarness.CreateAsync();
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        await h.CompleteAsync(submit, RuntimeHarness.Employee, Claims.Expense(40));

        var again = await h.Runtime.CompleteTaskAsync(submit.Id, Claims.Expense(40), null, null, RuntimeHarness.Employee);

        Assert.Equal(RuntimeErrorKind.Conflict, again.Error!.Kind);
        Assert.Contains("emma@example.com", again.Error.Message, StringComparison.Ordinal);
    }
}
