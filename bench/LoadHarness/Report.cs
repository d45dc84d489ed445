using System.Globalization;

namespace LowCode.LoadHarness;

/// <summary>The table of rounds as they finish, then the median of each mode's rounds and every failure seen.</summary>
internal sealed class Report(TextWriter output)
{
    private static readonly System.Text.CompositeFormat Columns = System.Text.CompositeFormat.Parse("{0,-8} {1,5} {2,7} {3,9} {4,11} {5,9} {6,8} {7,8} {8,12} {9,12} {10,8} {11,9} {12,15} {13,9} {14,7} {15,7} {16,9} {17,6}");

    /// <summary>The 1-minute load average (from /proc/loadavg); NaN where there is none.</summary>
    public static double LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
        catch (UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }

    public void Header(HarnessOptions options, IReadOnlyList<Uri> addresses)
    {
        output.WriteLine(Invariant($"nodes: {string.Join(", ", addresses)}; {Environment.ProcessorCount} cores; load now {LoadAverage():0.00}"));
        output.WriteLine(Invariant($"modes {string.Join(",", options.Modes).ToLowerInvariant()}, {options.Rounds} rounds of {options.RoundLength.TotalSeconds:0} s, {options.Clients} clients (max, publish), {options.Rate:0} completions/s offered (rate){(options.Timers ? ", timed process" : string.Empty)}{(options.Duplicates ? ", every completeTask sent twice at once (to the next node)" : string.Empty)}"));
        output.WriteLine("latencies are per request in ms: all = startProcess, task and completeTask; complete = completeTask only");
        output.WriteLine("cpu/compl: CPU ms the Api processes used per completion (started nodes only; PostgreSQL's own CPU not included)");
        output.WriteLine("req/s, cpu/req: successful requests of any kind per second, and the Api's CPU ms per request");
        output.WriteLine("own/compl: CPU ms the harness itself (its clients, and the admin in publish rounds) used per completion");
        output.WriteLine("viewer and evaluate rounds send one request kind only: their p50/p99 are in the all columns");
        output.WriteLine(Row("mode", "round", "seconds", "instances", "completions", "compl/s", "all p50", "all p99", "complete p50", "complete p99", "failures", "publishes", "decisions/stale", "cpu/compl", "req/s", "cpu/req", "own/compl", "load"));
    }

    public void Row(RoundResult round)
    {
        var stats = round.Stats;
        output.WriteLine(Row(
            round.Mode.ToString().ToLowerInvariant(),
            N(round.Round),
            Invariant($"{round.Elapsed.TotalSeconds:0.0}"),
            N(stats.Instances),
            N(stats.Completions),
            Invariant($"{round.CompletionsPerSecond:0}"),
            Ms(stats.Percentile(50, Timed(round.Mode))),
            Ms(stats.Percentile(99, Timed(round.Mode))),
            Ms(stats.Percentile(50, "completeTask")),
            Ms(stats.Percentile(99, "completeTask")),
            N(stats.Failures),
            round.Mode == LoadMode.Publish ? N(round.Published.Count) : "-",
            round.Mode == LoadMode.Publish ? Invariant($"{stats.DecisionsChecked}/{stats.DecisionsStale}") : "-",
            Ms(round.CpuPerCompletion),
            Invariant($"{round.RequestsPerSecond:0}"),
            Ms(round.CpuPerRequest),
            Ms(round.HarnessCpuPerCompletion),
            Invariant($"{round.LoadAverage:0.00}")));
        output.Flush();
    }

    public void Summary(RunResult run)
    {
        output.WriteLine();
        output.WriteLine("medians over rounds:");
        foreach (var mode in run.Rounds.GroupBy(r => r.Mode))
        {
            var rounds = mode.ToList();
            var publish = mode.Key == LoadMode.Publish
                ? Invariant($"; {rounds.Sum(r => r.Published.Count)} publishes (publishRuleSet request p50 {Ms(Median(rounds.Select(r => r.Stats.Percentile(50, "publishRuleSet"))))} ms), {rounds.Sum(r => r.Stats.DecisionsChecked)} decisions after a publish, {rounds.Sum(r => r.Stats.DecisionsStale)} on an older version")
                : string.Empty;
            var subscribed = rounds.Any(r => r.SubscriptionMissing is not null)
                ? Invariant($"; cross-node subscription: {rounds.Sum(r => r.Published.Count - (r.SubscriptionMissing ?? 0))} of {rounds.Sum(r => r.Published.Count)} publishes delivered")
                : string.Empty;
            output.WriteLine(Invariant(
                $"  {mode.Key.ToString().ToLowerInvariant(),-8} {Median(rounds.Select(r => r.CompletionsPerSecond)):0} completions/s, {Median(rounds.Select(r => r.RequestsPerSecond)):0} requests/s, all p50 {Ms(Median(rounds.Select(r => r.Stats.Percentile(50, Timed(mode.Key)))))} ms, p99 {Ms(Median(rounds.Select(r => r.Stats.Percentile(99, Timed(mode.Key)))))} ms, completeTask p99 {Ms(Median(rounds.Select(r => r.Stats.Percentile(99, "completeTask"))))} ms, Api CPU {Ms(Median(rounds.Select(r => r.CpuPerCompletion)))} ms per completion and {Ms(Median(rounds.Select(r => r.CpuPerRequest)))} ms per request, harness CPU {Ms(Median(rounds.Select(r => r.HarnessCpuPerCompletion)))} ms per completion, {rounds.Sum(r => r.Stats.Failures)} failed requests{publish}{subscribed}"));
        }

        if (run.Timers is { } timers)
        {
            output.WriteLine(Invariant($"timers: {timers.Instances} timed instances approved; timer fired exactly once in {timers.FiredOnce}, more than once in {timers.FiredTwice}, never in {timers.NotFired}"));
        }

        var samples = run.Rounds.SelectMany(r => r.Stats.FailureSamples).Concat(run.Setup.FailureSamples).Take(20).ToList();
        foreach (var sample in samples)
        {
            output.WriteLine("FAILED " + sample);
        }

        output.WriteLine(Invariant($"load now {LoadAverage():0.00}"));
        output.WriteLine(run.Failures == 0
            ? Invariant($"OK: {run.Completions} completions, no failed request")
            : Invariant($"FAILED: {run.Failures} failed requests or checks (first ones above)"));
    }

    private static string[] Timed(LoadMode mode) => mode is LoadMode.Viewer or LoadMode.Evaluate ? SingleRequestFlow.Operations : ClaimFlow.Operations;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Row(params object[] cells) => string.Format(CultureInfo.InvariantCulture, Columns, cells);

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
