using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Routing;

namespace LowCode.Engine.Operations.Erasure;

/// <summary>
/// Where personal values live in an event payload, and how erasure removes them while keeping the skeleton. Values
/// are what the instance's data and submissions hold: they sit under known keys (<c>data</c>, <c>set</c>, the decision
/// facts' <c>data</c>, an action's <c>arguments</c>, a business key, an aggregate's value in a trace) and are replaced
/// there; free text that may quote them (messages, errors, reasons) has every known personal value cut out. The rest
/// (types, steps, times, outcomes, routes, rule names and versions, actors) is the skeleton and stays.
/// </summary>
internal static class PersonalData
{
    public const string Erased = "[erased]";

    private static readonly string[] FreeText = ["message", "error", "reason", "detail"];

    /// <summary>Every text and number value of a JSON document, as text: what free text might quote.</summary>
    public static void Collect(JsonNode? node, HashSet<string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, values);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, values);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Trim().Length >= 2:
                values.Add(text.Trim());
                break;
        }
    }

    /// <summary>Erases the personal values of one event's payload in place; the event's type says where they are.</summary>
    public static void ErasePayload(string type, JsonObject payload, IReadOnlyCollection<string> values)
    {
        if (payload.ContainsKey("data"))
        {
            payload["data"] = new JsonObject();
        }

        if (payload.ContainsKey("businessKey"))
        {
            payload["businessKey"] = null;
        }

        if (payload["set"] is JsonObject set)
        {
            foreach (var path in set.Select(p => p.Key).ToList())
            {
                set[path] = null;
            }
        }

        if (payload["arguments"] is JsonObject arguments)
        {
            foreach (var name in arguments.Select(p => p.Key).ToList())
            {
                arguments[name] = null;
            }
        }

        if (type == EventTypes.RouteDecided)
        {
            EraseDecision(payload, values);
        }

        EraseText(payload, values);
        payload["erased"] = true;
    }

    /// <summary>Cuts every known personal value out of a piece of free text.</summary>
    public static string? Redact(string? text, IReadOnlyCollection<string> values)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var value in values.OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, Erased, StringComparison.Ordinal);
        }

        return text;
    }

    private static void EraseDecision(JsonObject payload, IReadOnlyCollection<string> values)
    {
        if (payload["facts"] is JsonObject facts)
        {
            facts[RoutingFacts.Data] = new JsonObject();
            if (facts[RoutingFacts.Instance] is JsonObject instance)
            {
                instance["businessKey"] = null;
            }

            if (facts["exceptions"] is JsonArray exceptions)
            {
                foreach (var exception in exceptions.OfType<JsonObject>())
                {
                    EraseText(exception, values);
                }
            }
        }

        if (payload["trace"]?["entries"] is JsonArray entries)
        {
            foreach (var fact in entries.OfType<JsonObject>().Select(e => e["facts"]).OfType<JsonArray>().SelectMany(f => f.OfType<JsonObject>()))
            {
                if (fact["value"] is not null)
                {
                    fact["value"] = null;
                }
            }
        }
    }

    private static void EraseText(JsonObject obj, IReadOnlyCollection<string> values)
    {
        foreach (var key in FreeText)
        {
            if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                obj[key] = Redact(text, values);
            }
        }
    }
}
