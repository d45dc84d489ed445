using System.Text.Json;
using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;

namespace LowCode.Rules.Benchmarks;

/// <summary>
/// Loads a scenario file (rules in json-rules-engine 7 format plus facts) and maps it onto LowCode.Rules, so both
/// engines run the very same rules. Mapping: each fact name becomes a fact type bound to a pattern; a condition
/// whose value is <c>{fact, path}</c> becomes a join; event <c>set</c> becomes a set action, others an emit.
/// </summary>
internal sealed class JsonRulesScenario
{
    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["equal"] = "==",
        ["notEqual"] = "!=",
        ["lessThan"] = "<",
        ["lessThanInclusive"] = "<=",
        ["greaterThan"] = ">",
        ["greaterThanInclusive"] = ">=",
        ["in"] = "in",
        ["notIn"] = "notIn",
        ["contains"] = "contains",
    };

    private JsonRulesScenario(RuleSetDefinition rules, IReadOnlyList<JsonElement> facts)
    {
        Rules = rules;
        RawFacts = facts;
    }

    public RuleSetDefinition Rules { get; }

    /// <summary>Each fact as (type, JSON), in file order.</summary>
    public IReadOnlyList<JsonElement> RawFacts { get; }

    public static JsonRulesScenario Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "scenarios", name + ".json");
        var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        var builder = new RuleSetBuilder(name);
        foreach (var rule in root.GetProperty("rules").EnumerateArray())
        {
            builder.Add(MapRule(rule));
        }

        var facts = new List<JsonElement>();
        foreach (var group in root.GetProperty("facts").EnumerateObject())
        {
            foreach (var fact in group.Value.EnumerateArray())
            {
                facts.Add(JsonDocument.Parse($"{{\"type\":\"{group.Name}\",\"body\":{fact.GetRawText()}}}").RootElement);
            }
        }

        return new JsonRulesScenario(builder.Build(), facts);
    }

    /// <summary>Builds fresh facts from the JSON (facts are mutable, so every run needs its own).</summary>
    public List<Fact> BuildFacts()
    {
        var facts = new List<Fact>(RawFacts.Count);
        foreach (var raw in RawFacts)
        {
            facts.Add(Fact.FromJson(raw.GetProperty("type").GetString()!, raw.GetProperty("body")));
        }

        return facts;
    }

    private static RuleDefinition MapRule(JsonElement rule)
    {
        var builder = new RuleBuilder(rule.GetProperty("name").GetString()!);
        if (rule.TryGetProperty("priority", out var priority))
        {
            builder.Salience(priority.GetInt32());
        }

        // Group conditions by fact, in order of first appearance; a fact referenced in a value comes first.
        var byFact = new List<(string Fact, List<JsonElement> Conditions)>();
        void Touch(string fact)
        {
            if (!byFact.Exists(g => g.Fact == fact))
            {
                byFact.Add((fact, []));
            }
        }

        foreach (var condition in rule.GetProperty("conditions").GetProperty("all").EnumerateArray())
        {
            if (condition.GetProperty("value") is { ValueKind: JsonValueKind.Object } reference)
            {
                Touch(reference.GetProperty("fact").GetString()!);
            }

            var fact = condition.GetProperty("fact").GetString()!;
            Touch(fact);
            byFact.Find(g => g.Fact == fact).Conditions.Add(condition);
        }

        foreach (var (fact, conditions) in byFact)
        {
            builder.Match(fact, fact, where =>
            {
                foreach (var condition in conditions)
                {
                    var path = condition.GetProperty("path").GetString()!.TrimStart('$', '.');
                    var op = Operators[condition.GetProperty("operator").GetString()!];
                    var value = condition.GetProperty("value");
                    where.Where(path, op, value.ValueKind == JsonValueKind.Object
                        ? Operand.Ref($"{value.GetProperty("fact").GetString()}.{value.GetProperty("path").GetString()!.TrimStart('$', '.')}")
                        : FactValue.FromJson(value));
                }
            });
        }

        var @event = rule.GetProperty("event");
        var type = @event.GetProperty("type").GetString()!;
        var parameters = @event.TryGetProperty("params", out var p) ? p : default;
        if (type == "set")
        {
            builder.Set(byFact[0].Fact, parameters.GetProperty("path").GetString()!, FactValue.FromJson(parameters.GetProperty("value")));
        }
        else
        {
            var arguments = parameters.ValueKind == JsonValueKind.Object
                ? parameters.EnumerateObject().Select(a => (a.Name, FactValue.FromJson(a.Value))).ToArray()
                : [];
            builder.Emit(type, arguments);
        }

        return builder.Build();
    }
}
