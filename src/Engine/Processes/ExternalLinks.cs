using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;

namespace LowCode.Engine.Processes;

/// <summary>Issuing and revoking external participants' links inside a step's transaction.</summary>
internal static partial class ExternalLinks
{
    /// <summary>How long a link stays valid when the step does not say (<c>linkValidFor</c>).</summary>
    public static readonly TimeSpan DefaultValidFor = TimeSpan.FromDays(7);

    public static bool LooksLikeEmail(string text) => text.Length <= 320 && EmailShape().IsMatch(text);

    public static TimeSpan ValidFor(ExternalParticipant external) =>
        IsoDuration.TryParse(external.LinkValidFor, out var duration, out _) && duration > TimeSpan.Zero ? duration : DefaultValidFor;

    /// <summary>Revokes every link of this step of this instance that is not revoked yet; true when there was one (this is a re-issue).</summary>
    public static bool RevokeLive(LowCodeDbContext db, string instanceId, string stepKey, DateTimeOffset now)
    {
        // Synchronous on purpose: task creation runs synchronously inside the step, and this one indexed read happens
        // only for external participants' tasks.
        var live = db.ExternalLinks.Where(l => l.InstanceId == instanceId && l.StepKey == stepKey && l.RevokedAt == null).ToList();
        foreach (var link in live)
        {
            link.RevokedAt = now.UtcDateTime;
        }

        return live.Count > 0;
    }

    /// <summary>Creates a token for <paramref name="task"/>: its hash goes on the task and into <c>external_links</c>; the token only into the message.</summary>
    public static ExternalLinkMessage Issue(LowCodeDbContext db, TaskRecord task, string processKey, string? stepName, DateTimeOffset now, TimeSpan validFor, bool reissued)
    {
        var token = LinkToken.Create();
        var hash = LinkToken.Hash(token);
        var expires = now + validFor;
        task.ExternalTokenHash = hash;
        db.ExternalLinks.Add(new ExternalLinkRecord
        {
            TokenHash = hash,
            TaskId = task.Id,
            InstanceId = task.InstanceId,
            StepKey = task.StepKey,
            Email = task.ExternalEmail!,
            IssuedAt = now.UtcDateTime,
            ExpiresAt = expires.UtcDateTime,
        });
        return new ExternalLinkMessage(task.Id, task.InstanceId, processKey, task.StepKey, stepName, task.ExternalEmail!, token, now, expires, reissued);
    }

    /// <summary>What the event log keeps of a link: never the token.</summary>
    public static JsonObject EventPayload(ExternalLinkMessage message) => new()
    {
        ["email"] = message.Email,
        ["expiresAt"] = message.ExpiresAt,
        ["reissued"] = message.Reissued,
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
