using LowCode.Api.Hosting;

namespace LowCode.Api.Tests.Hosting;

/// <summary>
/// Found by the two-node load run: 12,000 timers fell due and the nodes fired 20 each per poll interval, one batch
/// per wait, so half were still waiting two minutes later. A pass that finds work is followed by the next at once.
/// </summary>
public sealed class PollingLoopTests
{
    [Fact]
    public async Task PassesThatFindWork_AreFollowedAtOnce_AndOnlyAnEmptyPassWaits()
    {
        var found = new Queue<int>([20, 20, 5, 0, 3, 0]);
        var log = new List<string>();
        var waits = new Queue<TaskCompletionSource>();
        var firstWait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondWait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var loop = PollingLoop.RunAsync(
            _ =>
            {
                var work = found.Dequeue();
                log.Add($"pass {work}");
                return Task.FromResult(work);
            },
            ct =>
            {
                log.Add("wait");
                var wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waits.Enqueue(wait);
                (waits.Count == 1 ? firstWait : secondWait).TrySetResult();
                return wait.Task.WaitAsync(ct);
            },
            ex => Assert.Fail(ex.ToString()),
            stop.Token);

        await firstWait.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(["pass 20", "pass 20", "pass 5", "pass 0", "wait"], log);

        waits.Peek().SetResult();
        await secondWait.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        await loop;

        Assert.Equal(["pass 20", "pass 20", "pass 5", "pass 0", "wait", "pass 3", "pass 0", "wait"], log);
    }

    [Fact]
    public async Task APassThatThrows_IsReported_AndTheLoopWaitsBeforeTheNext()
    {
        var failures = new List<Exception>();
        var waited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var loop = PollingLoop.RunAsync(
            _ => throw new InvalidOperationException("database away"),
            ct =>
            {
                waited.TrySetResult();
                return Task.Delay(Timeout.Infinite, ct);
            },
            failures.Add,
            stop.Token);

        await waited.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        await loop;

        Assert.Equal("database away", Assert.Single(failures).Message);
    }
}
