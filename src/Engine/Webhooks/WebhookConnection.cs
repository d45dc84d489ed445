namespace LowCode.Engine.Webhooks;

/// <summary>
/// A named connection to an outside system, from configuration (<c>LowCode:Connections:&lt;name&gt;</c>): the base URL and
/// the signing secret live here, per environment, never in metadata; a webhook names the connection.
/// </summary>
public sealed class WebhookConnection
{
    /// <summary>Absolute http(s) base URL; a webhook's <c>url</c> is a path under it.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The HMAC-SHA256 key of the <c>X-LowCode-Signature</c> header; no signature header without one.</summary>
    public string? Secret { get; set; }

    /// <summary>Headers sent on every call (an API key the receiver wants, say).</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first retry's delay; later retries back off exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
