using System.Text.Json;

namespace LowCode.Engine.Metadata;

/// <summary>
/// One action. <see cref="Type"/> is one of <c>goTo</c>, <c>setData</c>, <c>assign</c>, <c>raiseException</c>,
/// <c>resolveException</c>, <c>notify</c> and <c>callWebhook</c>; which other properties apply depends on it.
/// </summary>
public sealed record ActionDefinition
{
    public required string Type { get; init; }

    /// <summary>goTo: the step to route to.</summary>
    public string? Step { get; init; }

    /// <summary>setData: the data path to set.</summary>
    public string? Path { get; init; }

    /// <summary>setData: a literal value.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>setData, notify: an expression giving the value or message.</summary>
    public string? Expression { get; init; }

    /// <summary>assign, notify: who.</summary>
    public AssigneeDefinition? Assignee { get; init; }

    /// <summary>raiseException, resolveException: the exception code, e.g. <c>AMOUNT_OVER_LIMIT</c>.</summary>
    public string? Code { get; init; }

    /// <summary>raiseException, notify: the text people see.</summary>
    public string? Message { get; init; }

    /// <summary>raiseException: <c>info</c>, <c>warning</c> or <c>error</c>.</summary>
    public string? Severity { get; init; }

    /// <summary>callWebhook: the call to make.</summary>
    public WebhookDefinition? Webhook { get; init; }
}
