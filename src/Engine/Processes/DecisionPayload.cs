using System.Text.Json;
using LowCode.Engine.Routing;

namespace LowCode.Engine.Processes;

/// <summary>
/// The payload of one <c>routeDecided</c> event, written straight to JSON: the outcome, the facts the decision was
/// made on (the data view as the rules received it, the event, the instance and the open exceptions, so a dry run can
/// replay it), the rule set version, the fired rules, the trace, and where the instance went and why. The data view and
/// the trace are already JSON text and are copied in as they are, never parsed into a tree and written again.
/// </summary>
internal sealed class DecisionPayload(string? outcome, string viewJson, RoutingEvent routingEvent, DecisionPayload.InstanceFact instance, ExceptionEntry[] exceptions)
{
    public string? RuleSetKey { get; set; }

    public int? RuleSetVersion { get; set; }

    public RoutingDecision? Decision { get; set; }

    public string? Target { get; set; }

    public string Source { get; set; } = "none";

    public string? Error { get; set; }

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteString("outcome", outcome);
        writer.WriteStartObject("facts");

        // Both texts come from serializers in this process, so the writer need not validate them again.
        writer.WritePropertyName(RoutingFacts.Data);
        writer.WriteRawValue(viewJson, skipInputValidation: true);
        writer.WriteStartObject(RoutingFacts.Event);
        writer.WriteString("type", routingEvent.Type);
        writer.WriteString("step", routingEvent.Step);
        writer.WriteString("outcome", routingEvent.Outcome);
        writer.WriteEndObject();
        writer.WriteStartObject(RoutingFacts.Instance);
        writer.WriteString("id", instance.Id);
        writer.WriteString("processKey", instance.ProcessKey);
        writer.WriteNumber("processVersion", instance.ProcessVersion);
        writer.WriteString("businessKey", instance.BusinessKey);
        writer.WriteEndObject();
        writer.WriteStartArray("exceptions");
        foreach (var exception in exceptions)
        {
            writer.WriteStartObject();
            writer.WriteString("code", exception.Code);
            writer.WriteString("message", exception.Message);
            writer.WriteString("severity", exception.Severity);
            writer.WriteString("step", exception.Step);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        if (RuleSetKey is not null)
        {
            writer.WriteString("ruleSetKey", RuleSetKey);
            WriteNumberOrNull(writer, "ruleSetVersion", RuleSetVersion);
        }

        if (Decision is { } decision)
        {
            writer.WriteStartArray("firedRules");
            foreach (var rule in decision.FiredRules)
            {
                writer.WriteStringValue(rule);
            }

            writer.WriteEndArray();
            writer.WriteString("routedBy", decision.RoutedBy);
            writer.WritePropertyName("trace");
            writer.WriteRawValue(decision.TraceJson, skipInputValidation: true);
        }

        writer.WriteString("target", Target);
        writer.WriteString("source", Source);
        if (Error is not null)
        {
            writer.WriteString("error", Error);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>The instance fact's fields as the decision recorded them.</summary>
    internal sealed record InstanceFact(string Id, string ProcessKey, int ProcessVersion, string? BusinessKey);
}
