using LowCode.Engine.Storage;
using LowCode.LoadHarness;

namespace LowCode.Api.Tests.Hosting;

/// <summary>
/// The load harness (bench/LoadHarness) for a few instances per mode against the Api in process: its clients, checks
/// and republisher work against the real schema, so a schema change that breaks the harness fails here, not in a
/// benchmark run. Every completion goes twice at once with one idempotency key (a client retrying early): exactly one
/// may do the work. No timing is asserted; the figures are in docs/benchmarks/load.md.
/// </summary>
public sealed class LoadHarnessSmokeTests
{
    [Fact]
    public async Task EveryMode_WithEachCompletionSentTwice_CompletesEveryInstanceOnceWithoutAFailedRequest()
    {
        using var api = new ApiFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["LowCode:RateLimit:PermitsPerSecond"] = "0",
            ["LowCode:LoadSeedApps"] = "false",
        });
        using var client = api.CreateClient();
        var admin = await api.KeyForAsync(Caller.Admin("load-admin@example.com"));
        var user = await api.KeyForAsync(Caller.User("load-user@example.com", LoadDefinitions.Group));
        var options = new HarnessOptions
        {
            Modes = [LoadMode.Max, LoadMode.Rate, LoadMode.Publish, LoadMode.Viewer, LoadMode.Evaluate],
            Rounds = 1,
            RoundLength = TimeSpan.FromHours(1),
            MaxInstances = 6,
            Warmup = 2,
            Clients = 3,
            Rate = 100,
            PublishEvery = TimeSpan.FromMilliseconds(100),
            Duplicates = true,
        };
        using var output = new StringWriter();

        var run = await new LoadRun(options, [client], [client.BaseAddress!], admin, user, output).RunAsync();

        Assert.True(run.Failures == 0, output.ToString());
        Assert.Equal([LoadMode.Max, LoadMode.Rate, LoadMode.Publish, LoadMode.Viewer, LoadMode.Evaluate], run.Rounds.Select(r => r.Mode));
        Assert.All(run.Rounds.Take(3), r => Assert.Equal((6, 12), (r.Stats.Instances, r.Stats.Completions)));
        Assert.All(run.Rounds.Skip(3), r => Assert.Equal((0L, 6L), (r.Stats.Completions, r.Stats.Requests)));
    }
}
