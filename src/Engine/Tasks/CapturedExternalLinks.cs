using System.Collections.Concurrent;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Tasks;

/// <summary>
/// Keeps the links this node issued in memory (the most recent <see cref="Capacity"/>) instead of sending them: the
/// development sink, and what tests read tokens from. A host that sends e-mail registers its own delivery instead.
/// </summary>
public sealed class CapturedExternalLinks : IExternalLinkDelivery
{
    public const int Capacity = 500;

    private readonly ConcurrentQueue<ExternalLinkMessage> _messages = new();

    public IReadOnlyList<ExternalLinkMessage> Messages => [.. _messages];

    public void Deliver(LowCodeDbContext db, ExternalLinkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // The link counts as delivered only if the step commits; a rolled-back step's link opens nothing anyway, since
        // its hash was never stored.
        _messages.Enqueue(message);
        while (_messages.Count > Capacity && _messages.TryDequeue(out _))
        {
        }
    }

    /// <summary>The newest link issued for <paramref name="taskId"/>, or null.</summary>
    public ExternalLinkMessage? LatestFor(string taskId) => _messages.LastOrDefault(m => m.TaskId == taskId);
}
