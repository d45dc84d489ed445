using LowCode.Rules.Expressions;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Compilation;

/// <summary>Compiles operands (literals, references to bound facts, expressions) to delegates.</summary>
internal static class OperandCompiler
{
    public static CompiledOperand? Compile(Operand operand, CompilationScope scope, ErrorSink errors, string location)
    {
        switch (operand)
        {
            case ConstantOperand constant:
                object? value;
                try
                {
                    value = FactValue.Normalize(constant.Value);
                }
                catch (ArgumentException exception)
                {
                    errors.Add(location, exception.Message);
                    return null;
                }

                return new CompiledOperand((_, _) => value, IsAlpha: true, IsConstant: true, value, FactValue.ToJson(value));
            case ReferenceOperand reference:
                return CompileReference(reference, scope, errors, location);
            case ExpressionOperand expression:
                var compiled = CompileExpression(expression.Expression, scope, errors, location);
                if (compiled is null)
                {
                    return null;
                }

                var names = scope.Names;
                return new CompiledOperand(
                    (token, fact) => compiled.Evaluate(new ExpressionBindings(names, token, fact)),
                    IsExpressionAlpha(compiled, scope),
                    IsConstant: false,
                    Constant: null,
                    $"expr[{scope.OwnVariable}]({expression.Expression})");
            default:
                errors.Add(location, "The operand is missing; give a literal value, a reference such as 'customer.id', or an expression.");
                return null;
        }
    }

    public static ICompiledExpression? CompileExpression(string? text, CompilationScope scope, ErrorSink errors, string location)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(location, "The expression is empty; write one, e.g. 'order.amount > 1000'.");
            return null;
        }

        if (scope.Evaluator is null)
        {
            errors.Add(location, $"Expression '{text}' cannot be compiled: no expression evaluator was configured. Pass one in RuleCompilerOptions.ExpressionEvaluator.");
            return null;
        }

        try
        {
            return scope.Evaluator.Compile(text, scope.VisibleVariables);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            errors.Add(location, $"Expression '{text}' is invalid: {exception.Message}");
            return null;
        }
    }

    /// <summary>An expression is alpha (tested once per fact) when it reads no variable but the pattern's own.</summary>
    public static bool IsExpressionAlpha(ICompiledExpression expression, CompilationScope scope)
    {
        if (!scope.HasCandidate)
        {
            return false;
        }

        var visible = scope.VisibleVariables;
        if (visible.Count == 0 || (visible.Count == 1 && visible[0] == scope.OwnVariable))
        {
            return true;
        }

        var referenced = expression.ReferencedVariables;
        return referenced is not null && referenced.All(name => name == scope.OwnVariable);
    }

    private static CompiledOperand? CompileReference(ReferenceOperand reference, CompilationScope scope, ErrorSink errors, string location)
    {
        if (!scope.TryGetSlot(reference.Variable, out var slot))
        {
            var visible = scope.VisibleVariables;
            errors.Add(location, visible.Count == 0
                ? $"Unknown variable '{reference.Variable}': no fact is bound here. Bind the fact in an earlier pattern first."
                : $"Unknown variable '{reference.Variable}'; the variables bound here are: {string.Join(", ", visible)}. References may only name facts bound by earlier patterns (or this pattern's own variable).");
            return null;
        }

        if (!FieldPath.TryParse(reference.Path, out var path, out var error))
        {
            errors.Add(location, error);
            return null;
        }

        var text = path.Length == 0 ? reference.Variable : $"{reference.Variable}.{path}";
        if (slot == scope.OwnSlot)
        {
            return new CompiledOperand((_, fact) => path.Resolve(fact!), IsAlpha: true, IsConstant: false, null, text);
        }

        var steps = scope.StepsTo(slot);
        return new CompiledOperand(
            (token, _) => path.Resolve(token!.Ancestor(steps).Fact!),
            IsAlpha: false,
            IsConstant: false,
            null,
            text);
    }

    /// <summary>The left-side key of a hash join on <c>path == variable.path</c>, read from the partial match.</summary>
    public static Func<Token, object>? CompileJoinKey(ReferenceOperand reference, CompilationScope scope, ErrorSink errors, string location)
    {
        if (!scope.TryGetSlot(reference.Variable, out var slot) || slot == scope.OwnSlot)
        {
            return null;
        }

        if (!FieldPath.TryParse(reference.Path, out var path, out var error))
        {
            errors.Add(location, error);
            return null;
        }

        var steps = scope.StepsTo(slot);
        return token => ValueSemantics.IndexKey(path.Resolve(token.Ancestor(steps).Fact!));
    }
}
