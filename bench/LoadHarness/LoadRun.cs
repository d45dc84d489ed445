using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace LowCode.LoadHarness;

/// <summary>
/// Runs the rounds against nodes that are already up: publishes the harness's app, then each round of each mode in
/// turn (round 1 of every mode, then round 2, …), then the timer check. Clients are spread over the nodes in turn.
/// </summary>
internal sealed class LoadRun(HarnessOptions options, IReadOnlyList<HttpClient> nodes, IReadOnlyList<Uri> addresses, string adminKey, string userKey, TextWriter output, Func<TimeSpan>? apiCpu = null)
{
    private readonly ConcurrentBag<string> _approved = [];

    /// <summary>Every round's result, and the failures outside rounds (setup, timer check).</summary>
    public async Task<RunResult> RunAsync()
    {
        var setup = new RoundStats();
        await LoadDefinitions.EnsurePublishedAsync(nodes[0], adminKey, setup);
        if (setup.Failures > 0)
        {
            return new RunResult([], setup, null);
        }

        var report = new Report(output);
        if (options.Warmup > 0)
        {
            // JIT, connection pools and the compiled-rule-set cache warm up outside the measured rounds.
            var processKey = options.Timers ? LoadDefinitions.TimedProcess : LoadDefinitions.Process;
            var warmup = options.Warmup;
            await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Clients, options.Warmup)).Select(client => Task.Run(async () =>
            {
                var flow = new ClaimFlow(nodes[client % nodes.Count], userKey, processKey, setup, republisher: null, Twin(client));
                var random = new Random(client);
                while (Interlocked.Decrement(ref warmup) >= 0)
                {
                    Keep(await flow.RunAsync(random));
                }
            })));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {setup.Instances} instances, {setup.Failures} failed requests"));
        }

        report.Header(options, addresses);

        var rounds = new List<RoundResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var mode in options.Modes)
            {
                var result = await RoundAsync(mode, round);
                rounds.Add(result);
                report.Row(result);
            }
        }

        TimerCheck.Result? timers = null;
        if (options.Timers)
        {
            timers = await TimerCheck.RunAsync(nodes, adminKey, [.. _approved], setup, TimeSpan.FromMinutes(2));
        }

        var run = new RunResult(rounds, setup, timers);
        report.Summary(run);
        return run;
    }

    private async Task<RoundResult> RoundAsync(LoadMode mode, int round)
    {
        var stats = new RoundStats();
        var load = Report.LoadAverage();
        var publishVia = nodes[^1];
        var republisher = mode == LoadMode.Publish ? new RuleSetRepublisher(publishVia, adminKey, stats, options.PublishEvery) : null;
        if (republisher is not null && !await republisher.StartAsync())
        {
            return new RoundResult(mode, round, TimeSpan.Zero, stats, load, [], null, null, TimeSpan.Zero);
        }

        await using var subscription = republisher is not null && options.Subscribe && addresses.Count > 1
            ? await PublishSubscription.StartAsync(addresses[0], publishVia, adminKey, stats, CancellationToken.None)
            : null;
        using var stopPublishing = new CancellationTokenSource();
        var publishing = republisher?.RunAsync(stopPublishing.Token) ?? Task.CompletedTask;
        var budget = options.MaxInstances ?? int.MaxValue;
        var cpuBefore = apiCpu?.Invoke();
        var ownBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var processKey = options.Timers ? LoadDefinitions.TimedProcess : LoadDefinitions.Process;
        bool Take() => clock.Elapsed < options.RoundLength && Interlocked.Decrement(ref budget) >= 0;

        if (mode == LoadMode.Rate)
        {
            // The schedule, not the clock, says how many arrive: a harness delayed by a busy machine still offers them all.
            var arrivals = (int)Math.Min(options.MaxInstances ?? int.MaxValue, Math.Round(options.Rate / 2 * options.RoundLength.TotalSeconds));
            await OpenLoopAsync(stats, processKey, arrivals);
        }
        else if (mode is LoadMode.Viewer or LoadMode.Evaluate)
        {
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
            {
                var flow = new SingleRequestFlow(nodes[client % nodes.Count], userKey, mode, stats);
                var random = new Random(client * 7919 + round);
                while (Take())
                {
                    await flow.RunAsync(random);
                }
            })));
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
            {
                var flow = new ClaimFlow(nodes[client % nodes.Count], userKey, processKey, stats, republisher, Twin(client));
                var random = new Random(client * 7919 + round);
                while (Take())
                {
                    Keep(await flow.RunAsync(random));
                }
            })));
        }

        var elapsed = clock.Elapsed;
        var cpu = apiCpu?.Invoke() - cpuBefore;
        var own = Process.GetCurrentProcess().TotalProcessorTime - ownBefore;
        await stopPublishing.CancelAsync();
        await publishing;
        IReadOnlyList<int> missing = [];
        if (subscription is not null && republisher is not null)
        {
            missing = await subscription.MissingAsync(republisher.Published, TimeSpan.FromSeconds(10));
            foreach (var version in missing)
            {
                stats.Fail("subscription", $"the publish of version {version} through {addresses[^1]} never reached the subscriber on {addresses[0]}");
            }
        }

        return new RoundResult(mode, round, elapsed, stats, load, republisher?.Published ?? [], subscription is null ? null : missing.Count, cpu, own);
    }

    /// <summary>
    /// Instances arrive on a fixed schedule, each on its own, however slow the Api is: a late answer delays nothing after
    /// it, and the first request of an instance is timed from its slot, so queueing shows in the latency.
    /// </summary>
    private async Task OpenLoopAsync(RoundStats stats, string processKey, int arrivals)
    {
        var perInstance = TimeSpan.FromSeconds(2 / options.Rate);
        var flows = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < arrivals; k++)
        {
            var slot = start + (long)(k * perInstance.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), slot);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var flow = new ClaimFlow(nodes[k % nodes.Count], userKey, processKey, stats, republisher: null, Twin(k));
            var random = new Random(k);
            flows.Add(Task.Run(async () => Keep(await flow.RunAsync(random, slot))));
        }

        await Task.WhenAll(flows);
    }

    /// <summary>Where the duplicate of a client's completion goes: the next node, so on several nodes the two race across them.</summary>
    private HttpClient? Twin(int client) => options.Duplicates ? nodes[(client + 1) % nodes.Count] : null;

    private void Keep(string? approvedInstance)
    {
        if (options.Timers && approvedInstance is not null)
        {
            _approved.Add(approvedInstance);
        }
    }
}

/// <summary>One round: its mode and number, how long its work took (tail included), what it measured.</summary>
internal sealed record RoundResult(LoadMode Mode, int Round, TimeSpan Elapsed, RoundStats Stats, double LoadAverage, IReadOnlyList<int> Published, int? SubscriptionMissing, TimeSpan? ApiCpu, TimeSpan HarnessCpu)
{
    public double CompletionsPerSecond => Elapsed > TimeSpan.Zero ? Stats.Completions / Elapsed.TotalSeconds : 0;

    /// <summary>
    /// Api CPU milliseconds per completion (all its requests included) when the harness started the nodes: on a shared
    /// machine this says more about the Api than throughput does, which depends on how much CPU it was given.
    /// </summary>
    public double CpuPerCompletion => ApiCpu is { } cpu && Stats.Completions > 0 ? cpu.TotalMilliseconds / Stats.Completions : double.NaN;

    /// <summary>The harness's own CPU milliseconds per completion (its clients, and the admin in publish rounds): what the load costs beside the Api on the same cores.</summary>
    public double HarnessCpuPerCompletion => Stats.Completions > 0 ? HarnessCpu.TotalMilliseconds / Stats.Completions : double.NaN;

    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Stats.Requests / Elapsed.TotalSeconds : 0;

    /// <summary>Api CPU milliseconds per successful request of any kind (a claim's five, or the viewer and evaluate modes' one).</summary>
    public double CpuPerRequest => ApiCpu is { } cpu && Stats.Requests > 0 ? cpu.TotalMilliseconds / Stats.Requests : double.NaN;
}

/// <summary>A whole run; it passes when no request failed anywhere and every check held.</summary>
internal sealed record RunResult(IReadOnlyList<RoundResult> Rounds, RoundStats Setup, TimerCheck.Result? Timers)
{
    public long Failures => Setup.Failures + Rounds.Sum(r => r.Stats.Failures);

    public long Completions => Rounds.Sum(r => r.Stats.Completions);
}
