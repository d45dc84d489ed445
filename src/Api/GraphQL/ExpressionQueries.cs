using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// <c>Query.evaluateExpression</c>: the "try it" of the designer's expression editors, and a way to probe the sandbox
/// from outside. The scope is laid out as at the place the context names (as the forms runtime and the rules engine
/// lay it out); the evaluation is the runtime's own, so every outcome, hostile input included, is a result.
/// </summary>
internal static class ExpressionQueries
{
    private const string Label = "$.expression";

    public static SchemaBuilder BindExpressionQueries(this SchemaBuilder builder) => builder
        .BindEnum<ExpressionPlace>("ExpressionPlace")
        .BindEnum<ExpectedType>("ExpressionType")
        .BindEnum<ExpressionValueKind>("ExpressionValueKind")
        .BindEnum<ExpressionErrorCategory>("ExpressionErrorCode")
        .Resolve("Query", "evaluateExpression", Evaluate);

    private static ExpressionEvaluation Evaluate(ResolveContext ctx)
    {
        var evaluator = ctx.GetRequiredService<IExpressionEvaluator>();
        var source = ctx.GetArgument<string>("expression")!;
        var compiled = evaluator.Compile(source);
        var expected = ctx.HasArgument("expected") ? ctx.GetArgument<ExpectedType?>("expected") ?? ExpectedType.Any : ExpectedType.Any;
        var context = ctx.GetArgument<IReadOnlyDictionary<string, object?>>("context");
        var place = context is not null && context.TryGetValue("place", out var p) && p is not null ? Enum.Parse<ExpressionPlace>(Normalize(p), ignoreCase: true) : ExpressionPlace.FormField;
        var now = ctx.HasArgument("now") && ctx.GetArgument<object>("now") is DateTimeOffset given ? given : ctx.GetRequiredService<TimeProvider>().GetUtcNow();
        var (scope, problem) = Scope(source, place, ctx.GetArgument<object>("data"), context, now);
        var result = problem is not null
            ? ExpressionResult.Failure(problem)
            : evaluator.Evaluate(compiled, scope!, expected, Label);
        return ExpressionEvaluation.From(result, compiled.Variables);
    }

    private static (ExpressionScope? Scope, ExpressionError? Problem) Scope(string source, ExpressionPlace place, object? data, IReadOnlyDictionary<string, object?>? context, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.Utc;
        if (context is not null && context.TryGetValue("timeZone", out var zoneName) && zoneName is string name)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found))
            {
                return (null, ExpressionError.Input(Label, source, $"The time zone '{name}' is not known.", "Use an IANA name such as Europe/Paris, or leave timeZone out for UTC."));
            }

            zone = found;
        }

        var fields = data is null ? new JsonObject() : JsonSerializer.SerializeToNode(data) as JsonObject;
        if (fields is null)
        {
            return (null, ExpressionError.Input(Label, source, "`data` must be a JSON object whose properties are the fields in scope.", "Send an object, e.g. { \"amount\": 1200 }."));
        }

        var scope = new ExpressionScope(now, zone);
        Spread(scope, fields);
        if (place == ExpressionPlace.TableRow && Node(context, "row") is JsonObject row)
        {
            Spread(scope, row);
        }

        if (place is ExpressionPlace.RuleCondition or ExpressionPlace.RuleAction or ExpressionPlace.StepSet)
        {
            scope.Set("data", fields);
        }

        if (place is ExpressionPlace.RuleCondition or ExpressionPlace.RuleAction)
        {
            scope.Set("event", Node(context, "event"));
        }

        if (place == ExpressionPlace.RuleAction)
        {
            scope.Set("task", Node(context, "task"));
        }

        return (scope, null);
    }

    private static void Spread(ExpressionScope scope, JsonObject values)
    {
        foreach (var (name, value) in values)
        {
            if (ExpressionScope.IsValidName(name))
            {
                scope.Set(name, value);
            }
        }
    }

    private static JsonNode? Node(IReadOnlyDictionary<string, object?>? context, string name)
        => context is not null && context.TryGetValue(name, out var value) && value is not null ? JsonSerializer.SerializeToNode(value) : null;

    private static string Normalize(object value) => value.ToString()!.Replace("_", string.Empty, StringComparison.Ordinal);
}
