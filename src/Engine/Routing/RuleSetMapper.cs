using System.Collections.Immutable;
using System.Text.Json;
using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using MetaRule = LowCode.Engine.Metadata.RuleDefinition;
using MetaRuleSet = LowCode.Engine.Metadata.RuleSetDefinition;
using RuleModel = LowCode.Rules.Model.RuleDefinition;
using RuleSetModel = LowCode.Rules.Model.RuleSetDefinition;

namespace LowCode.Engine.Routing;

/// <summary>
/// Maps a rule set's metadata to the rules engine's canonical model. Each rule becomes: an <c>event</c> pattern
/// (its <c>on</c> event and step filter), a <c>data</c> pattern (structured conditions on the data and every
/// expression), one pattern per other fact it tests, then <c>not</c>/<c>exists</c> elements. goTo becomes an
/// emitted <c>goTo</c> output in the exclusive <c>route</c> group; setData sets the data fact (forward chaining);
/// every other action is emitted for the Engine to carry out. Disabled rules are left out.
/// </summary>
public static class RuleSetMapper
{
    public static RuleSetMapping Map(MetaRuleSet definition, long version)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var rules = new List<RuleModel>();
        var sourceIndex = new List<int>();
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < definition.Rules.Length; i++)
        {
            var rule = definition.Rules[i];
            if (rule.Disabled)
            {
                continue;
            }

            var at = $"$.rules[{i}]";
            var mapped = MapRule(rule, at, problems);
            if (mapped is not null)
            {
                rules.Add(mapped);
                sourceIndex.Add(i);
            }
        }

        return new RuleSetMapping(new RuleSetModel(definition.Key, version, rules), [.. sourceIndex], [.. problems]);
    }

    private static RuleModel? MapRule(MetaRule rule, string at, List<ValidationProblem> problems)
    {
        var elements = new List<RuleElement>();
        var eventConditions = new List<ConditionElement> { Field("type", "==", rule.On ?? RoutingFacts.DefaultEvent) };
        if (!rule.Steps.IsDefaultOrEmpty)
        {
            eventConditions.Add(new FieldCondition("step", Operator("in"), Operand.Constant(rule.Steps.Cast<object?>().ToList())));
        }

        elements.Add(new PatternElement(RoutingFacts.Event, RoutingFacts.Event, eventConditions));

        var byFact = new Dictionary<string, List<ConditionElement>>(StringComparer.Ordinal) { [RoutingFacts.Data] = [] };
        var quantifiers = new List<RuleElement>();
        for (var j = 0; j < rule.When.Length; j++)
        {
            var condition = rule.When[j];
            var conditionAt = $"{at}.when[{j}]";
            if (condition.Not is { } not)
            {
                quantifiers.Add(new NotElement(Pattern(not, $"{conditionAt}.not", problems)));
            }
            else if (condition.Exists is { } exists)
            {
                quantifiers.Add(new ExistsElement(Pattern(exists, $"{conditionAt}.exists", problems)));
            }
            else if (condition.Expression is { } expression)
            {
                byFact[RoutingFacts.Data].Add(new ExpressionCondition(expression));
            }
            else if (Structured(condition, conditionAt, problems) is { } field)
            {
                var fact = condition.Fact ?? RoutingFacts.Data;
                if (!byFact.TryGetValue(fact, out var list))
                {
                    byFact[fact] = list = [];
                }

                list.Add(field);
            }
        }

        foreach (var (fact, conditions) in byFact)
        {
            elements.Add(new PatternElement(fact, fact, conditions));
        }

        elements.AddRange(quantifiers);

        var actions = new List<ActionElement>();
        var routes = false;
        for (var j = 0; j < rule.Then.Length; j++)
        {
            var action = rule.Then[j];
            routes |= action.Type == ActionTypes.GoTo;
            actions.Add(MapAction(action));
        }

        return new RuleModel(rule.Name, rule.Salience, elements, actions)
        {
            ExclusiveGroup = routes ? RoutingFacts.RouteGroup : null,
            Description = rule.Description,
        };
    }

    private static PatternElement Pattern(FactPattern pattern, string at, List<ValidationProblem> problems)
    {
        var conditions = new List<ConditionElement>();
        for (var k = 0; k < pattern.Where.Length; k++)
        {
            var condition = pattern.Where[k];
            if (condition.Expression is { } expression)
            {
                conditions.Add(new ExpressionCondition(expression));
            }
            else if (Structured(condition, $"{at}.where[{k}]", problems) is { } field)
            {
                conditions.Add(field);
            }
        }

        return new PatternElement(null, pattern.Fact, conditions);
    }

    private static FieldCondition? Structured(ConditionDefinition condition, string at, List<ValidationProblem> problems)
    {
        if (condition.Path is not { } path || !ConditionOperators.TryParse(condition.Op, out var parsed))
        {
            problems.Add(new ValidationProblem(at, "This condition needs a 'path' and a known 'op' (see the rule set's validation problems).", "rule.unmappable"));
            return null;
        }

        var op = parsed.Value;
        return (condition.Op, condition.Value) switch
        {
            ("between", { ValueKind: JsonValueKind.Array } range) when range.GetArrayLength() == 2 =>
                new FieldCondition(path, op, Operand.Constant(FactValue.FromJson(range[0])), Operand.Constant(FactValue.FromJson(range[1]))),
            (_, { } value) => new FieldCondition(path, op, Operand.Constant(FactValue.FromJson(value))),
            _ => new FieldCondition(path, op),
        };
    }

    private static ActionElement MapAction(ActionDefinition action)
    {
        if (action is { Type: ActionTypes.SetData, Path: { } path })
        {
            return new SetAction(RoutingFacts.Data, path, action.Expression is { } expression
                ? Operand.Expr(expression)
                : Operand.Constant(action.Value is { } value ? FactValue.FromJson(value) : null));
        }

        var arguments = new Dictionary<string, Operand>(StringComparer.Ordinal);
        void Put(string name, string? value)
        {
            if (value is not null)
            {
                arguments[name] = Operand.Constant(value);
            }
        }

        Put("step", action.Step);
        Put("code", action.Code);
        Put("message", action.Message);
        Put("severity", action.Severity);
        Put("role", action.Assignee?.Role);
        Put("user", action.Assignee?.User);
        Put("assigneeExpression", action.Assignee?.Expression);
        Put("externalEmail", action.Assignee?.External?.Email);
        if (action.Expression is { } text)
        {
            arguments["value"] = Operand.Expr(text);
        }

        if (action.Webhook is { } webhook)
        {
            Put("connection", webhook.Connection);
            Put("url", webhook.Url);
            Put("retries", webhook.Retries?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Put("timeout", webhook.Timeout);
            Put("method", webhook.Method ?? "POST");
            Put("body", webhook.Body);
        }

        return new EmitAction(action.Type, arguments);
    }

    private static FieldCondition Field(string path, string op, object? value) => new(path, Operator(op), Operand.Constant(value));

    private static ConditionOperator Operator(string symbol) =>
        ConditionOperators.TryParse(symbol, out var op) ? op.Value : throw new InvalidOperationException($"Operator '{symbol}' is missing from the rules engine.");
}

/// <summary>The mapped model, which metadata rule each model rule came from, and anything that could not be mapped.</summary>
public sealed record RuleSetMapping(RuleSetModel Model, ImmutableArray<int> SourceRuleIndex, ImmutableArray<ValidationProblem> Problems);
