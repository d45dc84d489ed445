using System.Text;
using System.Text.Json;
using LowCode.Engine.Events;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Analytics.Facts;

/// <summary>
/// The conformance facts of a route decision or a split, added in the event's context (so in its transaction): one
/// route row, and one row per rule that fired. The decision's payload is read once, top-level properties only.
/// </summary>
internal static class ConformanceFacts
{
    public static void Record(LowCodeDbContext db, EventRecord e, InstanceRecord instance, string stepKey)
    {
        if (e.Type == EventTypes.ParallelSplit)
        {
            db.Add(Route(AnalyticsRouteRecord.Split, e, instance, stepKey));
            return;
        }

        var decision = Decision.Read(e.Payload);
        var route = Route(AnalyticsRouteRecord.Route, e, instance, stepKey);
        route.ToStep = decision.Target;
        route.Source = decision.Source;
        route.RoutedBy = decision.RoutedBy;
        route.RuleSetKey = decision.RuleSetKey;
        route.RuleSetVersion = decision.RuleSetVersion;
        db.Add(route);
        if (decision.RuleSetVersion is not { } version)
        {
            return;
        }

        foreach (var rule in decision.FiredRules)
        {
            db.Add(new AnalyticsRuleFiringRecord
            {
                InstanceId = instance.Id,
                ProcessKey = instance.ProcessKey,
                InstanceStartedAt = instance.StartedAt,
                OccurredAt = e.OccurredAt,
                RuleSetKey = decision.RuleSetKey,
                RuleSetVersion = version,
                Rule = rule,
                Routed = rule == decision.RoutedBy,
            });
        }
    }

    private static AnalyticsRouteRecord Route(string kind, EventRecord e, InstanceRecord instance, string stepKey) => new()
    {
        Kind = kind,
        InstanceId = instance.Id,
        ProcessKey = instance.ProcessKey,
        ProcessVersion = instance.ProcessVersion,
        InstanceStartedAt = instance.StartedAt,
        OccurredAt = e.OccurredAt,
        FromStep = stepKey,
    };

    /// <summary>The properties of a <c>routeDecided</c> payload conformance reads (docs/analytics.md).</summary>
    private sealed class Decision
    {
        public string? Target { get; private set; }

        public string? Source { get; private set; }

        public string? RoutedBy { get; private set; }

        public string? RuleSetKey { get; private set; }

        public int? RuleSetVersion { get; private set; }

        public List<string> FiredRules { get; } = [];

        public static Decision Read(string payload)
        {
            var decision = new Decision();
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(payload));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return decision;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "target":
                        decision.Target = Text(ref reader);
                        break;
                    case "source":
                        decision.Source = Text(ref reader);
                        break;
                    case "routedBy":
                        decision.RoutedBy = Text(ref reader);
                        break;
                    case "ruleSetKey":
                        decision.RuleSetKey = Text(ref reader);
                        break;
                    case "ruleSetVersion":
                        decision.RuleSetVersion = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : null;
                        break;
                    case "firedRules" when reader.TokenType == JsonTokenType.StartArray:
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (reader.TokenType == JsonTokenType.String)
                            {
                                decision.FiredRules.Add(reader.GetString()!);
                            }
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return decision;
        }

        private static string? Text(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }
}
