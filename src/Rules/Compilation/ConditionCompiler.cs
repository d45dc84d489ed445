using System.Text.RegularExpressions;
using LowCode.Rules.Expressions;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Compilation;

/// <summary>Compiles structured, expression and "any" conditions to delegates over (partial match, candidate fact).</summary>
internal static class ConditionCompiler
{
    public static CompiledCondition? Compile(
        ConditionElement condition, CompilationScope scope, ErrorSink errors, string location, TimeSpan regexTimeout) =>
        condition switch
        {
            FieldCondition field => CompileField(field, scope, errors, location, regexTimeout),
            ExpressionCondition expression => CompileExpression(expression, scope, errors, location),
            AnyCondition any => CompileGroup(any.Conditions, any: true, scope, errors, location, regexTimeout),
            AllCondition all => CompileGroup(all.Conditions, any: false, scope, errors, location, regexTimeout),
            _ => Missing(errors, location),
        };

    private static CompiledCondition? Missing(ErrorSink errors, string location)
    {
        errors.Add(location, "The condition is missing; give a structured condition (path, op, value) or an expression.");
        return null;
    }

    private static CompiledCondition? CompileGroup(
        IReadOnlyList<ConditionElement>? conditions, bool any, CompilationScope scope, ErrorSink errors, string location, TimeSpan regexTimeout)
    {
        var name = any ? "any" : "all";
        if (conditions is null || conditions.Count == 0)
        {
            errors.Add(location, $"An '{name}' condition needs at least one condition inside it.");
            return null;
        }

        var parts = new List<CompiledCondition>();
        for (var i = 0; i < conditions.Count; i++)
        {
            var part = Compile(conditions[i], scope, errors, $"{location}.conditions[{i}]", regexTimeout);
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        if (parts.Count != conditions.Count)
        {
            return null;
        }

        var tests = parts.Select(p => p.Test).ToArray();
        Func<Token?, Fact, bool> test = any
            ? (token, fact) =>
            {
                foreach (var inner in tests)
                {
                    if (inner(token, fact))
                    {
                        return true;
                    }
                }

                return false;
            }
            : (token, fact) =>
            {
                foreach (var inner in tests)
                {
                    if (!inner(token, fact))
                    {
                        return false;
                    }
                }

                return true;
            };
        var description = $"{name}(" + string.Join(any ? " | " : " & ", parts.Select(p => p.Description)) + ")";
        return new CompiledCondition(test, parts.All(p => p.IsAlpha), $"{name}(" + string.Join("|", parts.Select(p => p.Signature)) + ")", description);
    }

    private static CompiledCondition? CompileExpression(
        ExpressionCondition condition, CompilationScope scope, ErrorSink errors, string location)
    {
        var compiled = OperandCompiler.CompileExpression(condition.Expression, scope, errors, location);
        if (compiled is null)
        {
            return null;
        }

        var names = scope.Names;
        var text = condition.Expression;
        return new CompiledCondition(
            (token, fact) =>
            {
                var result = compiled.Evaluate(new ExpressionBindings(names, token, fact));
                return result is bool passed
                    ? passed
                    : throw new InvalidOperationException(
                        $"The expression '{text}' must give true or false, but gave {FactValue.ToJson(FactValue.Normalize(result))}.");
            },
            OperandCompiler.IsExpressionAlpha(compiled, scope),
            $"expr[{scope.OwnVariable}]({text})",
            text);
    }

    private static CompiledCondition? CompileField(
        FieldCondition condition, CompilationScope scope, ErrorSink errors, string location, TimeSpan regexTimeout)
    {
        if (!FieldPath.TryParse(condition.Path, out var path, out var pathError))
        {
            errors.Add(location, pathError);
            return null;
        }

        var symbol = ConditionOperators.ToSymbol(condition.Operator);
        var arity = ConditionOperators.OperandCount(condition.Operator);
        if (arity == 0 && (condition.Value is not null || condition.UpperValue is not null))
        {
            errors.Add(location, $"Operator '{symbol}' takes no value; remove the value.");
            return null;
        }

        if (arity >= 1 && condition.Value is null)
        {
            errors.Add(location, $"Operator '{symbol}' needs a value to compare with.");
            return null;
        }

        if (arity == 2 && condition.UpperValue is null)
        {
            errors.Add(location, "Operator 'between' needs two values: a lower and an upper bound (inclusive).");
            return null;
        }

        if (arity == 1 && condition.UpperValue is not null)
        {
            errors.Add(location, $"Operator '{symbol}' takes one value; only 'between' takes an upper bound.");
            return null;
        }

        var first = arity >= 1 ? OperandCompiler.Compile(condition.Value!, scope, errors, $"{location}.value") : null;
        var second = arity == 2 ? OperandCompiler.Compile(condition.UpperValue!, scope, errors, $"{location}.upperValue") : null;
        if ((arity >= 1 && first is null) || (arity == 2 && second is null))
        {
            return null;
        }

        var test = BuildTest(condition.Operator, path, first, second, errors, location, regexTimeout);
        if (test is null)
        {
            return null;
        }

        var signature = $"{path} {symbol} {first?.Text} {second?.Text}";
        var isAlpha = (first?.IsAlpha ?? true) && (second?.IsAlpha ?? true);
        var constantEquality = condition.Operator == ConditionOperator.Equal && first!.IsConstant;
        return new CompiledCondition(test, isAlpha, signature, RuleModelPrinter.Print(condition))
        {
            EqualityPath = constantEquality ? path : null,
            EqualityKey = constantEquality ? ValueSemantics.IndexKey(first!.Constant) : null,
        };
    }

    private static Func<Token?, Fact, bool>? BuildTest(
        ConditionOperator op,
        FieldPath path,
        CompiledOperand? first,
        CompiledOperand? second,
        ErrorSink errors,
        string location,
        TimeSpan regexTimeout)
    {
        var value = first?.Evaluate;
        switch (op)
        {
            case ConditionOperator.Equal when first!.IsConstant:
                var expected = first.Constant;
                return (_, fact) => ValueSemantics.AreEqual(path.Resolve(fact), expected);
            case ConditionOperator.Equal:
                return (token, fact) => ValueSemantics.AreEqual(path.Resolve(fact), value!(token, fact));
            case ConditionOperator.NotEqual:
                return (token, fact) => !ValueSemantics.AreEqual(path.Resolve(fact), value!(token, fact));
            case ConditionOperator.LessThan:
                return (token, fact) => ValueSemantics.TryCompare(path.Resolve(fact), value!(token, fact), out var order) && order < 0;
            case ConditionOperator.LessThanOrEqual:
                return (token, fact) => ValueSemantics.TryCompare(path.Resolve(fact), value!(token, fact), out var order) && order <= 0;
            case ConditionOperator.GreaterThan:
                return (token, fact) => ValueSemantics.TryCompare(path.Resolve(fact), value!(token, fact), out var order) && order > 0;
            case ConditionOperator.GreaterThanOrEqual:
                return (token, fact) => ValueSemantics.TryCompare(path.Resolve(fact), value!(token, fact), out var order) && order >= 0;
            case ConditionOperator.In or ConditionOperator.NotIn:
                return BuildIn(op == ConditionOperator.In, path, first!, errors, location);
            case ConditionOperator.Contains:
                return (token, fact) => Contains(path.Resolve(fact), value!(token, fact));
            case ConditionOperator.StartsWith:
                return (token, fact) => path.Resolve(fact) is string text && value!(token, fact) is string prefix
                    && text.StartsWith(prefix, StringComparison.Ordinal);
            case ConditionOperator.Matches:
                return BuildMatches(path, first!, errors, location, regexTimeout);
            case ConditionOperator.IsEmpty:
                return (_, fact) => ValueSemantics.IsEmpty(path.Resolve(fact));
            case ConditionOperator.IsNotEmpty:
                return (_, fact) => !ValueSemantics.IsEmpty(path.Resolve(fact));
            case ConditionOperator.Between:
                var upper = second!.Evaluate;
                return (token, fact) =>
                {
                    var actual = path.Resolve(fact);
                    return ValueSemantics.TryCompare(actual, value!(token, fact), out var low) && low >= 0
                        && ValueSemantics.TryCompare(actual, upper(token, fact), out var high) && high <= 0;
                };
            default:
                errors.Add(location, $"Operator {op} is not supported.");
                return null;
        }
    }

    private static Func<Token?, Fact, bool>? BuildIn(bool positive, FieldPath path, CompiledOperand operand, ErrorSink errors, string location)
    {
        if (operand.IsConstant)
        {
            if (operand.Constant is not IReadOnlyList<object?> items)
            {
                errors.Add($"{location}.value", $"Operator '{(positive ? "in" : "notIn")}' needs a list of values, e.g. [\"EU\", \"UK\"].");
                return null;
            }

            var keys = new HashSet<object>(items.Select(ValueSemantics.IndexKey));
            return (_, fact) => keys.Contains(ValueSemantics.IndexKey(path.Resolve(fact))) == positive;
        }

        var evaluate = operand.Evaluate;
        return (token, fact) => InList(path.Resolve(fact), evaluate(token, fact)) == positive;
    }

    private static Func<Token?, Fact, bool>? BuildMatches(
        FieldPath path, CompiledOperand operand, ErrorSink errors, string location, TimeSpan regexTimeout)
    {
        if (!operand.IsConstant || operand.Constant is not string pattern)
        {
            errors.Add($"{location}.value", "Operator 'matches' needs a regular expression written as a literal string.");
            return null;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, regexTimeout);
        }
        catch (ArgumentException exception)
        {
            errors.Add($"{location}.value", $"The regular expression '{pattern}' is invalid: {exception.Message}");
            return null;
        }

        return (_, fact) => path.Resolve(fact) is string text && regex.IsMatch(text);
    }

    private static bool Contains(object? container, object? item) => container switch
    {
        string text => item is string part && text.Contains(part, StringComparison.Ordinal),
        IReadOnlyList<object?> list => InList(item, list),
        _ => false,
    };

    private static bool InList(object? item, object? list)
    {
        if (list is not IReadOnlyList<object?> items)
        {
            return false;
        }

        foreach (var candidate in items)
        {
            if (ValueSemantics.AreEqual(item, candidate))
            {
                return true;
            }
        }

        return false;
    }
}
