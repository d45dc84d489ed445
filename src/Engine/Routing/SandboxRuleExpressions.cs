using System.Runtime.CompilerServices;
using System.Text.Json;
using LowCode.Engine.Expressions;
using LowCode.Rules.Expressions;
using LowCode.Rules.Facts;
using RulesEvaluator = LowCode.Rules.Expressions.IExpressionEvaluator;
using SandboxEvaluator = LowCode.Engine.Expressions.IExpressionEvaluator;

namespace LowCode.Engine.Routing;

/// <summary>
/// Plugs the Jint sandbox into the rules engine. A rule expression is written over the instance data, so the
/// <c>data</c> fact's fields are top-level variables (<c>amount &gt; 1000</c>); every other bound fact is a
/// variable named like it (<c>event.outcome === "rejected"</c>). Facts become JSON before they enter the engine,
/// so no CLR object ever reaches a script.
/// </summary>
public sealed class SandboxRuleExpressions(SandboxEvaluator sandbox, TimeProvider clock) : RulesEvaluator
{
    public ICompiledExpression Compile(string expression, IReadOnlyList<string> variables)
    {
        var compiled = sandbox.Compile(expression);
        if (!compiled.IsValid)
        {
            throw new ExpressionCompilationException(string.Join("; ", compiled.Diagnostics.Select(d => d.ToString())));
        }

        // In the data pattern (whose variable is bound last), a name that is not a bound fact is a field of the data
        // fact; telling the rules engine so lets it test the expression once per data fact, not once per join.
        IReadOnlyCollection<string>? referenced = variables.Count > 0 && variables[^1] == RoutingFacts.Data
            ? [.. compiled.Variables.Select(v => variables.Contains(v, StringComparer.Ordinal) ? v : RoutingFacts.Data).Distinct(StringComparer.Ordinal)]
            : null;
        // A data field nobody has filled in yet (the review's riskRating while the instance is still at registration)
        // reads as empty, as in form expressions, instead of failing the whole decision as an unknown name.
        string[]? dataFields = referenced is null ? null : [.. compiled.Variables.Where(v => !variables.Contains(v, StringComparer.Ordinal))];
        return new Compiled(sandbox, compiled, clock, referenced, dataFields);
    }

    private sealed class Compiled(SandboxEvaluator sandbox, CompiledExpression expression, TimeProvider clock, IReadOnlyCollection<string>? referenced, string[]? dataFields) : ICompiledExpression
    {
        public IReadOnlyCollection<string>? ReferencedVariables => referenced;

        public object? Evaluate(in ExpressionBindings bindings)
        {
            var scope = new ExpressionScope(clock.GetUtcNow());
            for (var i = 0; i < bindings.Count; i++)
            {
                if (bindings.NameAt(i) is null && i == bindings.Count - 1 && bindings.FactAt(i) is { } candidate)
                {
                    // The fact a not/exists pattern is testing has no name: its fields are the expression's variables.
                    SetFields(scope, candidate);
                    continue;
                }

                if (bindings.NameAt(i) is not { } name || bindings.FactAt(i) is not { } fact)
                {
                    continue;
                }

                if (name == RoutingFacts.Data)
                {
                    SetFields(scope, fact);
                    foreach (var field in dataFields ?? [])
                    {
                        if (!scope.TryGet(field, out _) && ExpressionScope.IsValidName(field))
                        {
                            scope.Set(field, (System.Text.Json.Nodes.JsonNode?)null);
                        }
                    }
                }

                if (ExpressionScope.IsValidName(name))
                {
                    scope.Set(name, FactJson.Of(fact).Whole);
                }
            }

            var result = sandbox.Evaluate(expression, scope, ExpectedType.Any, "rule");
            return result.Error is { } error ? throw new InvalidOperationException(error.ToString()) : ToFactValue(result.Value);
        }

        private static void SetFields(ExpressionScope scope, Fact fact)
        {
            foreach (var (field, value) in FactJson.Of(fact).Fields)
            {
                if (ExpressionScope.IsValidName(field))
                {
                    scope.Set(field, value);
                }
            }
        }

        private static object? ToFactValue(ExpressionValue value) => value.Kind switch
        {
            ExpressionValueKind.Boolean => value.AsBoolean(),
            ExpressionValueKind.Number => value.AsNumber(),
            ExpressionValueKind.Text => value.AsText(),
            _ when value.ToJsonNode() is { } node => FactValue.FromJson(JsonSerializer.SerializeToElement(node)),
            _ => null,
        };
    }

    /// <summary>
    /// A fact as JSON, made once per version of the fact: every condition of a decision reads the same facts, and
    /// rendering them per evaluation was most of a decision's cost. <see cref="Fact.Version"/> moves on every change,
    /// so a changed fact is rendered again.
    /// </summary>
    private sealed class FactJson
    {
        private static readonly ConditionalWeakTable<Fact, FactJson> Rendered = [];

        private FactJson(long version, JsonElement whole)
        {
            Version = version;
            Whole = whole;
            Fields = [.. whole.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value))];
        }

        public long Version { get; }

        public JsonElement Whole { get; }

        public KeyValuePair<string, JsonElement>[] Fields { get; }

        public static FactJson Of(Fact fact)
        {
            if (Rendered.TryGetValue(fact, out var rendered) && rendered.Version == fact.Version)
            {
                return rendered;
            }

            using var document = JsonDocument.Parse(fact.ToJson());
            rendered = new FactJson(fact.Version, document.RootElement.Clone());
            Rendered.AddOrUpdate(fact, rendered);
            return rendered;
        }
    }
}
