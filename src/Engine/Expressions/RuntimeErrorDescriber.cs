using System.Text.RegularExpressions;
using Jint.Native;
using Jint.Native.Object;
using Jint.Parser;
using Jint.Parser.Ast;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace LowCode.Engine.Expressions;

/// <summary>Turns whatever stopped an evaluation into an <see cref="ExpressionError"/> that names the failing part.</summary>
internal static partial class RuntimeErrorDescriber
{
    private const int MaxPartLength = 60;

    public static ExpressionError Describe(
        Exception exception, CompiledExpression compiled, SyntaxNode? lastNode, (SyntaxNode? Node, JsValue? Value) probe, ExpressionScope scope, string label)
    {
        var source = compiled.Source;
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
            JavaScriptException e => Thrown(e, lastNode, probe, source, scope),
            _ => (ExpressionErrorCategory.Runtime,
                $"The script engine failed while evaluating this expression ({exception.GetType().Name}).",
                "Simplify the failing part; if it looks correct, report it with the expression."),
        };

        if (category is ExpressionErrorCategory.InputLimit or ExpressionErrorCategory.TypeMismatch)
        {
            return new ExpressionError(category, label, source, message, hint);
        }

        var target = probe.Node ?? UndefinedIdentifier(exception, compiled) ?? Enclosing(compiled, lastNode);
        var (part, line, column) = Excerpt(source, target);
        return new ExpressionError(category, label, source, message, hint, part, line, column);
    }

    /// <summary>True for Jint's own TypeErrors, which carry no position (helpers' errors name themselves): the ones worth a probe run.</summary>
    public static bool NeedsProbe(Exception exception)
        => exception is JavaScriptException { Error: { } error } && error.IsObject()
            && Data(error.AsObject(), "name") == "TypeError" && !HelperMessage().IsMatch(Data(error.AsObject(), "message") ?? string.Empty);

    [GeneratedRegex(@"^([\w$]+) is not defined$")]
    private static partial Regex NotDefined();

    [GeneratedRegex(@"^\w+\(\): ")]
    private static partial Regex HelperMessage();

    private static (ExpressionErrorCategory, string, string) Thrown(
        JavaScriptException exception, SyntaxNode? lastNode, (SyntaxNode? Node, JsValue? Value) probe, string source, ExpressionScope scope)
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

        var undefinedName = message is not null && NotDefined().Match(message) is { Success: true } match ? match.Groups[1].Value
            : lastNode is Identifier identifier ? identifier.Name : null;
        if (name == "ReferenceError" && undefinedName is not null)
        {
            var known = scope.Names.Take(12).ToList();
            return (ExpressionErrorCategory.Runtime, $"'{undefinedName}' is not defined: the scope has no field or variable of that name.",
                known.Count == 0 ? "Check the spelling." : "Check the spelling; known names: " + string.Join(", ", known) + ".");
        }

        if (!string.IsNullOrEmpty(message))
        {
            return (ExpressionErrorCategory.Runtime, $"{name}: {Clip(message)}", string.Empty);
        }

        const string MissingHint = "For values that may be missing use get(obj, 'a.b', fallback) or check with isEmpty(x) first.";
        switch (name)
        {
            case "ReferenceError":
                return (ExpressionErrorCategory.Runtime, "A name is not defined, or a value cannot be assigned.", "Check the spelling.");
            case "TypeError" when probe is { Node: MemberExpression member, Value: { } value } && (value.IsNull() || value.IsUndefined()):
                var property = member.Computed ? Excerpt(source, member.Property).Part : ((Identifier)member.Property).Name;
                return (ExpressionErrorCategory.Runtime,
                    $"`{Excerpt(source, member.Object).Part}` is {(value.IsNull() ? "null" : "undefined")}, so its '{property}' cannot be read.", MissingHint);
            case "TypeError" when probe is { Node: MemberExpression member }:
                return (ExpressionErrorCategory.Runtime, $"`{Excerpt(source, member).Part}` cannot be used this way (is it a function? is it an object?).",
                    "Check the spelling of the property or method.");
            case "TypeError" when probe is { Node: CallExpression call, Value: { } callee } && !(callee.IsObject() && callee.AsObject() is ICallable):
                return (ExpressionErrorCategory.Runtime,
                    $"`{Excerpt(source, call.Callee).Part}` is not a function (it is {(callee.IsUndefined() ? "undefined" : callee.IsNull() ? "null" : "a " + callee.Type.ToString().ToLowerInvariant())}).",
                    "Check the spelling; the helper functions are listed in docs/expressions.md.");
            case "TypeError":
                return (ExpressionErrorCategory.Runtime,
                    "TypeError: a value is null or undefined where an object is needed, or something called is not a function.", MissingHint);
            default:
                return (ExpressionErrorCategory.Runtime, name + ".", string.Empty);
        }
    }

    private static Identifier? UndefinedIdentifier(Exception exception, CompiledExpression compiled)
    {
        if (exception is not JavaScriptException { Error: { } error } || !error.IsObject() || compiled.Program is null
            || Data(error.AsObject(), "message") is not { } message || NotDefined().Match(message) is not { Success: true } match)
        {
            return null;
        }

        return AstPath.FindIdentifier(compiled.Program, match.Groups[1].Value);
    }

    /// <summary>Reads a property without running a script's getter (the limits no longer apply here).</summary>
    internal static string? Data(ObjectInstance target, string name)
    {
        for (var current = target; current is not null; current = current.Prototype)
        {
            var descriptor = current.GetOwnProperty(name);
            if (descriptor != Jint.Runtime.Descriptors.PropertyDescriptor.Undefined)
            {
                // Only the sandbox's own accessors (the error defaults) are called: a script's getter must not run here.
                var value = descriptor.IsDataDescriptor()
                    ? descriptor.Value
                    : descriptor.Get is { } get && get.IsObject() && get.AsObject() is ClrFunctionInstance own ? own.Call(target, []) : null;
                return value is not null && value.IsString() ? value.AsString() : null;
            }
        }

        return null;
    }

    /// <summary>From the last node Jint evaluated, the enclosing call (if it was an argument) and the property/call chain it belongs to.</summary>
    private static SyntaxNode? Enclosing(CompiledExpression compiled, SyntaxNode? node)
    {
        if (node is null || compiled.Program is null)
        {
            return null;
        }

        var chain = AstPath.Find(compiled.Program, node);
        if (chain.Count == 0)
        {
            return null;
        }

        var target = node;
        for (var i = chain.Count - 2; i >= 0; i--)
        {
            var parent = chain[i];
            var isArgument = parent is CallExpression call && !ReferenceEquals(call.Callee, target) && ReferenceEquals(target, chain[i + 1]) && target is not FunctionExpression;
            var isChain = (parent is MemberExpression member && (ReferenceEquals(member.Object, target) || target is Identifier))
                || (parent is CallExpression callee && ReferenceEquals(callee.Callee, target));
            if (!isArgument && !isChain)
            {
                break;
            }

            target = parent;
        }

        return target is Program or ExpressionStatement ? null : target;
    }

    private static (string Part, int Line, int Column) Excerpt(string source, SyntaxNode? node)
    {
        if (node?.Location is not { } location)
        {
            return (string.Empty, 0, 0);
        }

        var start = Index(source, location.Start);
        var end = Index(source, location.End);
        var part = start >= 0 && end > start && end <= source.Length ? source[start..end] : string.Empty;
        return (Clip(part), location.Start.Line, location.Start.Column + 1);
    }

    private static int Index(string source, Position position)
    {
        var index = 0;
        for (var line = 1; line < position.Line; line++)
        {
            index = source.IndexOf('\n', index);
            if (index < 0)
            {
                return -1;
            }

            index++;
        }

        return index + position.Column;
    }

    private static string Clip(string text) => text.Length <= MaxPartLength ? text : text[..MaxPartLength] + "...";
}
