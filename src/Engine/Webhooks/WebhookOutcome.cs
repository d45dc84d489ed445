using System.Text.Json.Nodes;

namespace LowCode.Engine.Webhooks;

/// <summary>How one delivery of a webhook went, after the resilience pipeline's retries.</summary>
public sealed record WebhookOutcome(bool Succeeded, int Attempts, int? Status, JsonNode? Response, string? Error, bool Refused);
