using System.Collections.Immutable;

namespace LowCode.Engine.Metadata;

/// <summary>
/// An outgoing HTTP call, sent through the outbox with retries and an idempotency key. It names a connection from
/// configuration (base URL and signing secret per environment) and the path under it; a literal absolute URL is
/// still read but warned about at save time and refused at run time (docs/runtime.md, "Webhooks").
/// </summary>
public sealed record WebhookDefinition
{
    /// <summary>The named connection (<c>LowCode:Connections:&lt;name&gt;</c>) that gives the base URL and secret.</summary>
    public string? Connection { get; init; }

    /// <summary>With a connection: the path under its base URL (e.g. <c>/api/v1/payments</c>). Without one: a legacy absolute URL.</summary>
    public string? Url { get; init; }

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
