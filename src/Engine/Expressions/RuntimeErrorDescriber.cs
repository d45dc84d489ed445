using System.Text.RegularExpressions;
using Jint.Native.Object;
using Jint.Parser.Ast;
using Jint.Runtime;

namespace LowCode.Engine.Expressions;

/// <summary>Turns whatever stopped an evaluation into an <see cref="ExpressionError"/> that names the failing part.</summary>
internal static class RuntimeErrorDescriber
{
    private const int MaxPartLength = 60;

    public static ExpressionError Describe(Exception exception, CompiledExpression compiled, SyntaxNode? lastNode, ExpressionScope scope, string label)
    {
        var (category, message, hint) = exception switch
        {
            SandboxLimitException e => (e.Category, e.Message, e.Hint),
            StatementsCountOverflowException => (ExpressionErrorCategory.StatementLimit,
                "The expression executed too many statements (runaway recursion or a very large computation?).", "Simplify it, or work on fewer rows."),
            RegexMatchTimeoutException => (ExpressionErrorCategory.Timeout,
                "A regular expression took too long (catastrophic backtracking).", "Avoid nested repetition such as (a+)+; prefer matches(value, pattern)."),
            TimeoutException => (ExpressionErrorCategory.Timeout, "The expression ran too long.", "Simplify it, or work on fewer rows."),
            InsufficientExecutionStackException => (ExpressionErrorCategory.RecursionLimit, "Calls are nested too deeply for the stack.", "Make sure recursion stops."),
            RecursionDepthOverflowException => (ExpressionErrorCategory.RecursionLimit, "Calls are nested too deeply.", "Make sure recursion stops."),
            OutOfMemoryException => (ExpressionErrorCategory.MemoryLimit, "The expression ran out of memory.", "Build smaller strings and arrays."),
            JavaScriptException e => Thrown(e, lastNode, compiled, scope),
            _ => (ExpressionErrorCategory.Runtime,
                $"The script engine failed while evaluating this expression ({exception.GetType().Name}).",
                "Simplify the failing part; if it looks correct, report it with the expression."),
        };

        var (part, line, column) = Locate(compiled, lastNode, category);
        return new ExpressionError(category, label, compiled.Source, message, hint, part, line, column);
    }

    private static (ExpressionErrorCategory, string, string) Thrown(JavaScriptException exception, SyntaxNode? lastNode, CompiledExpression compiled, ExpressionScope scope)
    {
        var error = exception.Error;
        if (error is null || !error.IsObject())
        {
            var text = error is null ? "undefined" : Clip(TypeConverter.ToString(error));
            return (ExpressionErrorCategory.Runtime, $"The expression threw {text}.", string.Empty);
        }

        var target = error.AsObject();
        var name = Data(target, "name");
        var message = Data(target, "message");
        if (name is null)
        {
            return (ExpressionErrorCategory.Runtime, "The expression threw an object.", "Throw new Error('message') to give a reason.");
        }

        if (!string.IsNullOrEmpty(message))
        {
            return (ExpressionErrorCategory.Runtime, $"{name}: {Clip(message)}", string.Empty);
        }

        switch (name)
        {
            case "ReferenceError" when lastNode is Identifier identifier:
                var known = scope.Names.Take(12).ToList();
                return (ExpressionErrorCategory.Runtime, $"'{identifier.Name}' is not defined: the scope has no field or variable of that name.",
                    known.Count == 0 ? "Check the spelling." : "Check the spelling; known names: " + string.Join(", ", known) + ".");
            case "ReferenceError":
                return (ExpressionErrorCategory.Runtime, "A name is not defined, or a value cannot be assigned.", "Check the spelling.");
            case "TypeError":
                return (ExpressionErrorCategory.Runtime,
                    "TypeError: a value is null or undefined where an object is needed, or something called is not a function.",
                    "For values that may be missing use get(obj, 'a.b') or isEmpty(x); check the spelling of function names.");
            default:
                return (ExpressionErrorCategory.Runtime, name + ".", string.Empty);
        }
    }

    /// <summary>Reads a property without running a getter (the limits no longer apply here).</summary>
    private static string? Data(ObjectInstance target, string name)
    {
        for (var current = target; current is not null; current = current.Prototype)
        {
            var descriptor = current.GetOwnProperty(name);
            if (descriptor != Jint.Runtime.Descriptors.PropertyDescriptor.Undefined)
            {
                return descriptor.IsDataDescriptor() && descriptor.Value is { } value && value.IsString() ? value.AsString() : null;
            }
        }

        return null;
    }

    private static (string Part, int Line, int Column) Locate(CompiledExpression compiled, SyntaxNode? node, ExpressionErrorCategory category)
    {
        if (node is null || compiled.Program is null || category is ExpressionErrorCategory.InputLimit or ExpressionErrorCategory.TypeMismatch)
        {
            return (string.Empty, 0, 0);
        }

        var chain = AstPath.Find(compiled.Program, node);
        var target = node;
        for (var i = chain.Count - 2; i >= 0; i--)
        {
            var parent = chain[i];
            var child = chain[i + 1];
            if ((parent is MemberExpression member && ReferenceEquals(member.Object, child))
                || (parent is CallExpression call && ReferenceEquals(call.Callee, child))
                || (parent is MemberExpression && target is Identifier))
            {
                target = parent;
                continue;
            }

            break;
        }

        var source = compiled.Source;
        var range = target.Range;
        var part = range is { Length: 2 } && range[0] >= 0 && range[1] <= source.Length && range[0] < range[1]
            ? source[range[0]..range[1]]
            : string.Empty;
        var start = target.Location?.Start;
        return (Clip(part), start?.Line ?? 0, start is null ? 0 : start.Value.Column + 1);
    }

    private static string Clip(string text) => text.Length <= MaxPartLength ? text : text[..MaxPartLength] + "...";
}
