using System.Collections.Concurrent;
using System.Text.Json;

namespace LowCode.LoadHarness;

/// <summary>
/// After the rounds of a timed run: every approved instance of the timed process must reach its end, and its timeline
/// must hold exactly one <c>timerFired</c> event, however many nodes polled the timers.
/// </summary>
internal static class TimerCheck
{
    private const string Query = "query($id: ID!) { instance(id: $id) { status timeline { type } } }";

    public sealed record Result(int Instances, int FiredOnce, int FiredTwice, int NotFired);

    public static async Task<Result> RunAsync(IReadOnlyList<HttpClient> nodes, string adminKey, IReadOnlyList<string> instances, RoundStats stats, TimeSpan patience)
    {
        var fired = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var pending = instances.ToList();
        var deadline = DateTime.UtcNow + patience;
        while (pending.Count > 0)
        {
            var stillWaiting = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(pending.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
            {
                var data = await GraphQLCaller.PostAsync(nodes[item.i % nodes.Count], adminKey, stats, "verify", Query, new { id = item.id });
                if (data?.GetProperty("instance") is not { ValueKind: JsonValueKind.Object } instance)
                {
                    return;
                }

                fired[item.id] = instance.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "timerFired");
                if (instance.GetProperty("status").GetString() != "completed")
                {
                    stillWaiting.Add(item.id);
                }
            });
            pending = [.. stillWaiting];
            if (pending.Count == 0 || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        var twice = fired.Count(f => f.Value > 1);
        var never = instances.Count(id => fired.GetValueOrDefault(id) == 0);
        foreach (var id in pending)
        {
            stats.Fail("timers", $"instance {id} did not end within {patience.TotalSeconds:0} s of the last round");
        }

        foreach (var (id, count) in fired.Where(f => f.Value > 1))
        {
            stats.Fail("timers", $"instance {id}: its timer fired {count} times");
        }

        return new Result(instances.Count, fired.Count(f => f.Value == 1), twice, never);
    }
}
