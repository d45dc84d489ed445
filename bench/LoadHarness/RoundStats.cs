using System.Diagnostics;

namespace LowCode.LoadHarness;

/// <summary>What one round measured: per-request latencies by operation, completions and every failed request.</summary>
internal sealed class RoundStats
{
    private const int KeptFailures = 10;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<long>> _latencies = new(StringComparer.Ordinal);
    private readonly List<string> _failureSamples = [];
    private long _completions;
    private long _requests;
    private long _instances;
    private long _failures;
    private long _decisionsChecked;
    private long _decisionsStale;

    public long Completions => Interlocked.Read(ref _completions);

    public long Instances => Interlocked.Read(ref _instances);

    /// <summary>Requests that succeeded, of every operation.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Decisions made by a request sent after a publish was acknowledged (publish mode).</summary>
    public long DecisionsChecked => Interlocked.Read(ref _decisionsChecked);

    /// <summary>Of those, decisions on a rule-set version older than the last one acknowledged when the request left.</summary>
    public long DecisionsStale => Interlocked.Read(ref _decisionsStale);

    public IReadOnlyList<string> FailureSamples
    {
        get
        {
            lock (_gate)
            {
                return [.. _failureSamples];
            }
        }
    }

    public void Completed() => Interlocked.Increment(ref _completions);

    public void Started() => Interlocked.Increment(ref _instances);

    public void Decision(bool stale)
    {
        Interlocked.Increment(ref _decisionsChecked);
        if (stale)
        {
            Interlocked.Increment(ref _decisionsStale);
        }
    }

    /// <summary>A request that succeeded, timed from <paramref name="from"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Took(string operation, long from)
    {
        var elapsed = Stopwatch.GetTimestamp() - from;
        Interlocked.Increment(ref _requests);
        lock (_gate)
        {
            if (!_latencies.TryGetValue(operation, out var list))
            {
                _latencies[operation] = list = [];
            }

            list.Add(elapsed);
        }
    }

    public void Fail(string operation, string why)
    {
        Interlocked.Increment(ref _failures);
        lock (_gate)
        {
            if (_failureSamples.Count < KeptFailures)
            {
                _failureSamples.Add($"{operation}: {(why.Length > 400 ? why[..400] + "…" : why)}");
            }
        }
    }

    /// <summary>Percentile <paramref name="p"/> (0–100) in milliseconds over the given operations; NaN when none.</summary>
    public double Percentile(double p, params string[] operations)
    {
        List<long> all;
        lock (_gate)
        {
            all = [.. _latencies.Where(l => operations.Length == 0 || operations.Contains(l.Key)).SelectMany(l => l.Value)];
        }

        if (all.Count == 0)
        {
            return double.NaN;
        }

        all.Sort();
        var rank = (int)Math.Ceiling(p / 100 * all.Count) - 1;
        return all[Math.Clamp(rank, 0, all.Count - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    public int Count(string operation)
    {
        lock (_gate)
        {
            return _latencies.TryGetValue(operation, out var list) ? list.Count : 0;
        }
    }
}
