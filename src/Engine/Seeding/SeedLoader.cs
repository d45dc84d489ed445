using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace LowCode.Engine.Seeding;

/// <summary>
/// Loads the example apps in <c>seed/</c> on start-up: each app folder holds <c>*.form.json</c>,
/// <c>*.ruleset.json</c> and <c>*.process.json</c> files, published in that order so references resolve.
/// A definition whose key the store already knows is left alone, so loading twice adds nothing and never
/// overwrites what users changed.
/// </summary>
public sealed class SeedLoader(IDefinitionStore store, ILogger<SeedLoader> logger)
{
    public const string User = "seed";

    private static readonly (string Suffix, DefinitionKind Kind)[] Order =
        [(".form.json", DefinitionKind.Form), (".ruleset.json", DefinitionKind.RuleSet), (".process.json", DefinitionKind.Process)];

    /// <summary>Publishes every seed definition the store does not have yet; returns how many it published.</summary>
    public async Task<SeedReport> LoadAsync(string seedDirectory, CancellationToken cancellationToken = default)
    {
        var report = new SeedReport();
        if (!Directory.Exists(seedDirectory))
        {
            logger.LogWarning("No seed folder at {SeedDirectory}; starting without example apps.", seedDirectory);
            return report;
        }

        foreach (var app in Directory.GetDirectories(seedDirectory).Order(StringComparer.Ordinal))
        {
            foreach (var (suffix, kind) in Order)
            {
                foreach (var file in Directory.GetFiles(app, "*" + suffix).Order(StringComparer.Ordinal))
                {
                    await LoadFileAsync(file, kind, report, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        logger.LogInformation("Seed apps: {Published} definitions published, {Skipped} already present, {Failed} failed.", report.Published, report.Skipped, report.Failed.Count);
        return report;
    }

    private async Task LoadFileAsync(string file, DefinitionKind kind, SeedReport report, CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        var parsed = DefinitionJson.Parse(kind, json);
        if (parsed.Definition is not { } definition)
        {
            Fail(report, file, string.Join("; ", parsed.Problems));
            return;
        }

        var history = await store.GetHistoryAsync(kind, definition.Key, cancellationToken).ConfigureAwait(false);
        if (history.Count > 0)
        {
            report.Skipped++;
            return;
        }

        var draft = await store.SaveDraftAsync(kind, json, null, User, cancellationToken).ConfigureAwait(false);
        var published = draft.Succeeded
            ? await store.PublishAsync(kind, definition.Key, draft.Value!.ETag, User, cancellationToken).ConfigureAwait(false)
            : draft;
        if (published.Error is { } error)
        {
            Fail(report, file, $"{error.Message} {string.Join("; ", error.Problems)}");
            return;
        }

        report.Published++;
    }

    private void Fail(SeedReport report, string file, string reason)
    {
        report.Failed.Add($"{Path.GetFileName(file)}: {reason}");
        logger.LogError("Seed file {File} was not loaded: {Reason}", file, reason);
    }
}

/// <summary>What one seed run did.</summary>
public sealed class SeedReport
{
    public int Published { get; set; }

    public int Skipped { get; set; }

    public List<string> Failed { get; } = [];
}
