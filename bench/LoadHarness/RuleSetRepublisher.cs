using System.Diagnostics;
using System.Text.Json;

namespace LowCode.LoadHarness;

/// <summary>
/// The admin of publish mode: every period it saves a changed draft of the routing rule set, dry-runs that draft
/// against recorded decisions, and publishes it live with <c>publishRuleSet(key, dryRunId)</c>. The one place that
/// knows the live publish API.
/// </summary>
internal sealed class RuleSetRepublisher(HttpClient http, string adminKey, RoundStats stats, TimeSpan every)
{
    private const string SaveDraft = "mutation($key: ID!, $definition: JSON!) { saveDraft(kind: RULE_SET, key: $key, definition: $definition) { definition { etag } error { kind message } problems { path message } } }";
    private const string DryRun = "query($process: ID!, $key: ID!) { dryRunRuleSet(processKey: $process, ruleSetKey: $key, last: 100, maxExamples: 3) { dryRunId replayed changed failed problems { path message } } }";
    private const string Publish = "mutation($key: ID!, $dryRunId: ID!) { publishRuleSet(key: $key, dryRunId: $dryRunId) { definition { version } error { kind message } problems { path code message } } }";

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

    /// <summary>
    /// Saves the rule set as the draft, dry-runs exactly that draft and publishes it live with the dry run's id (the
    /// server refuses a live publish without one); returns the new version, or null after recording what went wrong.
    /// </summary>
    public static async Task<int?> PublishAsync(HttpClient http, string adminKey, RoundStats stats, string definitionJson, bool setup = false)
    {
        string Operation(string name) => setup ? "setup" : name;
        var definition = JsonDocument.Parse(definitionJson).RootElement;
        var draft = GraphQLCaller.Payload(await GraphQLCaller.PostAsync(http, adminKey, stats, Operation("saveDraft"), SaveDraft, new { key = LoadDefinitions.RuleSet, definition }), "saveDraft", stats, Operation("saveDraft"));
        if (draft is null)
        {
            return null;
        }

        var dryRun = await GraphQLCaller.PostAsync(http, adminKey, stats, Operation("dryRunRuleSet"), DryRun, new { process = LoadDefinitions.Process, key = LoadDefinitions.RuleSet });
        if (dryRun is not { } replay)
        {
            return null;
        }

        var summary = replay.GetProperty("dryRunRuleSet");
        if (summary.GetProperty("problems").GetArrayLength() > 0 || summary.GetProperty("failed").GetInt32() > 0 || summary.GetProperty("dryRunId").ValueKind != JsonValueKind.String)
        {
            stats.Fail(Operation("dryRunRuleSet"), "the dry run of a valid draft reported problems, failed decisions or no dryRunId: " + summary);
            return null;
        }

        var published = GraphQLCaller.Payload(
            await GraphQLCaller.PostAsync(http, adminKey, stats, Operation("publishRuleSet"), Publish, new { key = LoadDefinitions.RuleSet, dryRunId = summary.GetProperty("dryRunId").GetString() }),
            "publishRuleSet", stats, Operation("publishRuleSet"));
        return published?.GetProperty("definition").GetProperty("version").GetInt32();
    }

    private async Task CycleAsync()
    {
        var threshold = Interlocked.Increment(ref _cycles) % 2 == 0 ? 1000 : 500;
        if (await PublishAsync(http, adminKey, stats, LoadDefinitions.RuleSetBody(threshold)) is not { } version)
        {
            return;
        }

        lock (_published)
        {
            _published.Add(version);
            _acknowledged = (version, true);
        }
    }
}
