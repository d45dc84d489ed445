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

        return new Compiled(sandbox, compiled, clock);
    }

    private sealed class Compiled(SandboxEvaluator sandbox, CompiledExpression expression, TimeProvider clock) : ICompiledExpression
    {
        public IReadOnlyCollection<string>? ReferencedVariables => null;

        public object? Evaluate(in ExpressionBindings bindings)
        {
            var scope = new ExpressionScope(clock.GetUtcNow());
            for (var i = 0; i < bindings.Count; i++)
            {
                if (bindings.NameAt(i) is not { } name || bindings.FactAt(i) is not { } fact)
                {
                    continue;
                }

                if (name == RoutingFacts.Data)
                {
                    foreach (var (field, value) in fact.Fields)
                    {
                        if (ExpressionScope.IsValidName(field))
                        {
                            scope.Set(field, ToJson(value));
                        }
                    }
                }

                if (ExpressionScope.IsValidName(name))
                {
                    scope.Set(name, ToJson(fact.Fields));
                }
            }

            var result = sandbox.Evaluate(expression, scope, ExpectedType.Any, "rule");
            return result.Error is { } error ? throw new InvalidOperationException(error.ToString()) : ToFactValue(result.Value);
        }

        private static object? ToFactValue(ExpressionValue value) => value.Kind switch
        {
            ExpressionValueKind.Boolean => value.AsBoolean(),
            ExpressionValueKind.Number => value.AsNumber(),
            ExpressionValueKind.Text => value.AsText(),
            _ when value.ToJsonNode() is { } node => FactValue.FromJson(JsonSerializer.SerializeToElement(node)),
            _ => null,
        };

        private static JsonElement ToJson(object? value)
        {
            using var document = JsonDocument.Parse(FactValue.ToJson(value));
            return document.RootElement.Clone();
        }
    }
}
