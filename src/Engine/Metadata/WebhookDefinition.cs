using System.Collections.Immutable;

namespace LowCode.Engine.Metadata;

/// <summary>An outgoing HTTP call, sent with retries and an idempotency key.</summary>
public sealed record WebhookDefinition
{
    public required string Url { get; init; }

    /// <summary>POST when omitted.</summary>
    public string? Method { get; init; }

    public ImmutableDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Expression whose value is sent as the JSON body; the instance data when omitted.</summary>
    public string? Body { get; init; }

    /// <summary>Retries after the first attempt; three when omitted.</summary>
    public int? Retries { get; init; }

    /// <summary>Per-attempt timeout as an ISO-8601 duration; thirty seconds when omitted.</summary>
    public string? Timeout { get; init; }
}
