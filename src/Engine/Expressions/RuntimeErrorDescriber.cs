using System.Text.RegularExpressions;
using Jint;
using Jint.Native.Object;
using Jint.Runtime;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Turns whatever stopped an evaluation into an <see cref="ExpressionError"/>: the limit or error category, a message
/// a citizen developer can act on, and the failing part with its line and column (Jint 4 reports where a JavaScript
/// error was thrown; the wrapper's first line is subtracted).
/// </summary>
internal static partial class RuntimeErrorDescriber
{
    private const int MaxPartLength = 60;

    public static ExpressionError Describe(Exception exception, CompiledExpression compiled, ExpressionScope scope, string label)
    {
        var source = compiled.Source;
        var (category, message, hint) = exception switch
        {
            SandboxLimitException e => (e.Category, e.Message, e.Hint),
            StatementsCountOverflowException => (ExpressionErrorCategory.StatementLimit,
                "The expression did more work than its statement budget allows (runaway recursion, or too many rows visited?).",
                "Simplify it, or work on fewer rows."),
            MemoryLimitExceededException => (ExpressionErrorCategory.MemoryLimit, "The expression allocated more memory than its budget allows.",
                "Build smaller strings and arrays."),
            RegexMatchTimeoutException => (ExpressionErrorCategory.Timeout,
                "A regular expression took too long (catastrophic backtracking).", "Avoid nested repetition such as (a+)+; prefer matches(value, pattern)."),
            TimeoutException => (ExpressionErrorCategory.Timeout, "The expression ran longer than the time backstop.", "Simplify it, or work on fewer rows."),
            InsufficientExecutionStackException or StackOverflowException => (ExpressionErrorCategory.RecursionLimit,
                "Calls are nested too deeply for the stack.", "Make sure recursion stops."),
            RecursionDepthOverflowException => (ExpressionErrorCategory.RecursionLimit,
                "Calls are nested too deeply (runaway recursion?).", "Make sure a function that calls itself has a condition that stops it."),
            OutOfMemoryException => (ExpressionErrorCategory.MemoryLimit, "The expression ran out of memory.", "Build smaller strings and arrays."),
            JavaScriptException e => Thrown(e, scope),
            _ => (ExpressionErrorCategory.Runtime,
                $"The script engine failed while evaluating this expression ({exception.GetType().Name}).",
                "Simplify the failing part; if it looks correct, report it with the expression."),
        };

        if (category is ExpressionErrorCategory.InputLimit or ExpressionErrorCategory.TypeMismatch)
        {
            return new ExpressionError(category, label, source, message, hint);
        }

        var (part, line, column) = exception is JavaScriptException js ? Excerpt(source, js.Location.Start.Line - CompiledExpression.LineOffset, js.Location.Start.Column) : (string.Empty, 0, 0);
        return new ExpressionError(category, label, source, message, hint, part, line, column);
    }

    /// <summary>A name with its property reads and calls, e.g. <c>order.customer?.name</c> or <c>lines[0].qty</c>: the part an error points at.</summary>
    [GeneratedRegex(@"^[\w$]+(?:\??\.[\w$]+|\[[^\]]{0,20}\]|\((?:[^()]{0,20})\))*")]
    private static partial Regex Chain();

    [GeneratedRegex(@"^([\w$]+) is not defined$")]
    private static partial Regex NotDefined();

    private static (ExpressionErrorCategory, string, string) Thrown(JavaScriptException exception, ExpressionScope scope)
    {
        var error = exception.Error;
        if (error is null || !error.IsObject())
        {
            var text = error is null ? "undefined" : error.IsString() ? Clip(error.AsString()) : error.Type.ToString().ToLowerInvariant();
            return (ExpressionErrorCategory.Runtime, $"The expression threw {text}.", string.Empty);
        }

        var target = error.AsObject();
        var name = Data(target, "name");
        var message = Data(target, "message");
        if (name is null)
        {
            return (ExpressionErrorCategory.Runtime, "The expression threw an object.", "Throw new Error('message') to give a reason.");
        }

        if (name == "ReferenceError" && message is not null && NotDefined().Match(message) is { Success: true } match)
        {
            var known = scope.Names.Take(12).ToList();
            return (ExpressionErrorCategory.Runtime, $"'{match.Groups[1].Value}' is not defined: the scope has no field or variable of that name.",
                known.Count == 0 ? "Check the spelling." : "Check the spelling; known names: " + string.Join(", ", known) + ".");
        }

        if (name == "RangeError" && message is not null && message.Contains("call stack", StringComparison.Ordinal))
        {
            return (ExpressionErrorCategory.RecursionLimit, "Calls are nested too deeply for the stack (runaway recursion?).",
                "Make sure a function that calls itself has a condition that stops it.");
        }

        if (name == "TypeError" && message is not null && message.Contains("Cannot read properties of", StringComparison.Ordinal))
        {
            return (ExpressionErrorCategory.Runtime, $"TypeError: {Clip(message)}",
                "For values that may be missing use ?. and ??, e.g. customer?.address?.city ?? '', or get(obj, 'a.b', fallback).");
        }

        return (ExpressionErrorCategory.Runtime, string.IsNullOrEmpty(message) ? name + "." : $"{name}: {Clip(message)}", string.Empty);
    }

    /// <summary>Reads a property without running a script's getter (the limits no longer apply here).</summary>
    internal static string? Data(ObjectInstance target, string name)
    {
        for (var current = target; current is not null; current = current.Prototype)
        {
            var descriptor = current.GetOwnProperty(name);
            if (descriptor != Jint.Runtime.Descriptors.PropertyDescriptor.Undefined)
            {
                var value = descriptor.IsDataDescriptor() ? descriptor.Value : null;
                return value is not null && value.IsString() ? value.AsString() : null;
            }
        }

        return null;
    }

    private static (string Part, int Line, int Column) Excerpt(string source, int line, int column)
    {
        var lines = source.Split('\n');
        if (line < 1 || line > lines.Length)
        {
            return (string.Empty, 0, 0);
        }

        var text = lines[line - 1];
        var start = Math.Clamp(column, 0, text.Length);

        // Jint points at the property that failed; the part a reader needs starts at the object it was read from.
        while (start > 0 && text[start - 1] is '.' or '?' && start > 1 && (char.IsLetterOrDigit(text[start - 2]) || text[start - 2] is '_' or '$' or '?' or ')' or ']' or '.'))
        {
            start--;
            while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '$' or '.' or '?'))
            {
                start--;
            }
        }

        var rest = text[start..];
        var chain = Chain().Match(rest);
        return (Clip(chain.Success && chain.Length > 0 ? chain.Value : rest.TrimEnd()), line, start + 1);
    }

    private static string Clip(string text) => text.Length <= MaxPartLength ? text : text[..MaxPartLength] + "...";
}
