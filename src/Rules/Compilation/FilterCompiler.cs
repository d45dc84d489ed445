using LowCode.Rules.Expressions;
using LowCode.Rules.Model;

namespace LowCode.Rules.Compilation;

/// <summary>Compiles a rule's agenda filters; they see every variable the rule binds, like its actions.</summary>
internal static class FilterCompiler
{
    public static CompiledFilter[] Compile(IReadOnlyList<FilterElement> filters, CompilationScope scope, ErrorSink errors)
    {
        var compiled = new List<CompiledFilter>();
        for (var i = 0; i < filters.Count; i++)
        {
            var location = $"filters[{i}]";
            var result = filters[i] switch
            {
                PredicateFilter predicate => CompilePredicate(predicate, errors, location),
                ExpressionFilter expression => CompileExpression(expression, scope, errors, location),
                ChangeFilter change => CompileChange(change, scope, errors, location),
                _ => Fail(errors, location, "The filter is missing or of an unknown kind; use a predicate, expression or change filter."),
            };

            if (result is not null)
            {
                compiled.Add(result);
            }
        }

        return [.. compiled];
    }

    private static CompiledFilter? Fail(ErrorSink errors, string location, string message)
    {
        errors.Add(location, message);
        return null;
    }

    private static CompiledFilter? CompilePredicate(PredicateFilter predicate, ErrorSink errors, string location)
    {
        if (string.IsNullOrWhiteSpace(predicate.Name))
        {
            return Fail(errors, $"{location}.name", "A predicate filter needs a name; traces report which filter rejected an activation.");
        }

        return predicate.Predicate is null
            ? Fail(errors, $"{location}.predicate", $"Predicate filter '{predicate.Name}' has no predicate.")
            : new CompiledFilter(predicate.Name, predicate.Predicate, keys: null);
    }

    private static CompiledFilter? CompileExpression(ExpressionFilter filter, CompilationScope scope, ErrorSink errors, string location)
    {
        var expression = OperandCompiler.CompileExpression(filter.Expression, scope, errors, $"{location}.expression");
        if (expression is null)
        {
            return null;
        }

        var names = scope.Names;
        var text = filter.Expression;
        return new CompiledFilter($"expr({text})", activation =>
        {
            var result = expression.Evaluate(new ExpressionBindings(names, activation.Activation, null));
            return result as bool? ?? throw new InvalidOperationException(
                $"Filter expression '{text}' returned {(result is null ? "null" : result.GetType().Name)}; it must return true or false.");
        }, keys: null);
    }

    private static CompiledFilter? CompileChange(ChangeFilter change, CompilationScope scope, ErrorSink errors, string location)
    {
        if (change.Keys is not { Count: > 0 })
        {
            return Fail(errors, $"{location}.keys", "A change filter needs at least one key, e.g. a reference such as 'order.status'.");
        }

        var keys = new List<CompiledOperand>();
        for (var i = 0; i < change.Keys.Count; i++)
        {
            var key = change.Keys[i] is { } operand ? OperandCompiler.Compile(operand, scope, errors, $"{location}.keys[{i}]") : null;
            if (change.Keys[i] is null)
            {
                errors.Add($"{location}.keys[{i}]", "The key is missing; give a reference such as 'order.status'.");
            }

            if (key is not null)
            {
                keys.Add(key);
            }
        }

        return keys.Count == change.Keys.Count
            ? new CompiledFilter($"onChange({string.Join(", ", keys.Select(k => k.Text))})", predicate: null, [.. keys])
            : null;
    }
}
