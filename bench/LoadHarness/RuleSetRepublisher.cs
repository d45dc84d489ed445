using System.Diagnostics;
using System.Text.Json;

namespace LowCode.LoadHarness;

/// <summary>
/// The admin of publish mode: every period it saves a changed draft of the routing rule set, dry-runs that draft
/// against recorded decisions, and publishes it live. The one place that knows the publish API.
/// </summary>
internal sealed class RuleSetRepublisher(HttpClient http, string adminKey, RoundStats stats, TimeSpan every)
{
    public static readonly string[] Operations = ["saveDraft", "dryRunRuleSet", "publish"];

    private const string SaveDraft = "mutation($key: ID!, $definition: JSON!) { saveDraft(kind: RULE_SET, key: $key, definition: $definition) { definition { etag } error { kind message } problems { path message } } }";
    private const string DryRun = "query($process: ID!, $key: ID!) { dryRunRuleSet(processKey: $process, ruleSetKey: $key, last: 100, maxExamples: 3) { replayed changed failed problems { path message } } }";
    private const string Publish = "mutation($key: ID!, $etag: String) { publish(kind: RULE_SET, key: $key, etag: $etag) { definition { version } error { kind message } problems { path message } } }";

    private readonly List<int> _published = [];
    private (int Version, bool AfterPublish) _acknowledged;
    private int _cycles;

    /// <summary>
    /// The newest version whose publish was acknowledged to the admin, and whether it came from a publish of this run
    /// (then every decision requested from now on must be on it or later).
    /// </summary>
    public (int Version, bool AfterPublish) Acknowledged
    {
        get
        {
            lock (_published)
            {
                return _acknowledged;
            }
        }
    }

    /// <summary>The versions this run published, in order.</summary>
    public IReadOnlyList<int> Published
    {
        get
        {
            lock (_published)
            {
                return [.. _published];
            }
        }
    }

    /// <summary>Reads the version live now, so that checks start from it.</summary>
    public async Task<bool> StartAsync()
    {
        var data = await GraphQLCaller.PostAsync(http, adminKey, stats, "setup", "query($key: ID!) { ruleSet(key: $key) { version } }", new { key = LoadDefinitions.RuleSet });
        if (data?.GetProperty("ruleSet") is not { ValueKind: JsonValueKind.Object } ruleSet)
        {
            return false;
        }

        lock (_published)
        {
            _acknowledged = (ruleSet.GetProperty("version").GetInt32(), false);
        }

        return true;
    }

    /// <summary>Republishes every period until <paramref name="stop"/>; a cycle that overruns starts the next at once.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var began = Stopwatch.GetTimestamp();
            await CycleAsync();
            var wait = every - Stopwatch.GetElapsedTime(began);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (TaskCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task CycleAsync()
    {
        var threshold = Interlocked.Increment(ref _cycles) % 2 == 0 ? 1000 : 500;
        var definition = JsonDocument.Parse(LoadDefinitions.RuleSetBody(threshold)).RootElement;
        var draft = GraphQLCaller.Payload(await GraphQLCaller.PostAsync(http, adminKey, stats, "saveDraft", SaveDraft, new { key = LoadDefinitions.RuleSet, definition }), "saveDraft", stats, "saveDraft");
        if (draft is null)
        {
            return;
        }

        var dryRun = await GraphQLCaller.PostAsync(http, adminKey, stats, "dryRunRuleSet", DryRun, new { process = LoadDefinitions.Process, key = LoadDefinitions.RuleSet });
        if (dryRun is not { } replay)
        {
            return;
        }

        var summary = replay.GetProperty("dryRunRuleSet");
        if (summary.GetProperty("problems").GetArrayLength() > 0 || summary.GetProperty("failed").GetInt32() > 0)
        {
            stats.Fail("dryRunRuleSet", "the dry run of a valid draft reported problems or failed decisions: " + summary);
            return;
        }

        var published = GraphQLCaller.Payload(
            await GraphQLCaller.PostAsync(http, adminKey, stats, "publish", Publish, new { key = LoadDefinitions.RuleSet, etag = draft.Value.GetProperty("definition").GetProperty("etag").GetString() }),
            "publish", stats, "publish");
        if (published is not { } payload)
        {
            return;
        }

        var version = payload.GetProperty("definition").GetProperty("version").GetInt32();
        lock (_published)
        {
            _published.Add(version);
            _acknowledged = (version, true);
        }
    }
}
