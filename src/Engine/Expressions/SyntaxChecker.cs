using Acornima.Ast;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Walks the Acornima tree of one expression once: enforces the one-expression subset of ES2020 (the rejections
/// listed in docs/expressions.md, each with what to write instead), bounds the tree's depth, and collects the free
/// names the expression reads, with where each is first read. Names bound by the expression itself (parameters of
/// arrows and functions, including destructured and defaulted ones, their locals, catch parameters) are not free.
/// </summary>
internal sealed class SyntaxChecker
{
    /// <summary>Distinct free names one expression may read; they are passed as the parameters of its wrapper function.</summary>
    internal const int MaxNames = 64;

    private readonly ExpressionLimits _limits;
    private readonly List<ExpressionDiagnostic> _diagnostics = [];
    private readonly Dictionary<string, ExpressionVariable> _referenced = new(StringComparer.Ordinal);
    private readonly List<HashSet<string>> _scopes = [];
    private int _functionDepth;
    private bool _depthReported;

    private SyntaxChecker(ExpressionLimits limits)
    {
        _limits = limits;
    }

    /// <summary>The problems, the expression node itself, and every free name it reads with the place it first reads it.</summary>
    public static (IReadOnlyList<ExpressionDiagnostic> Diagnostics, Node? Expression, IReadOnlyCollection<ExpressionVariable> Referenced) Check(
        Script script, ExpressionLimits limits)
    {
        var checker = new SyntaxChecker(limits);
        var expression = checker.CheckScript(script);
        if (checker._diagnostics.Count == 0 && checker._referenced.Count > MaxNames)
        {
            checker.Report(ExpressionErrorCategory.TooComplex, script,
                $"The expression reads {checker._referenced.Count} different names; the limit is {MaxNames}.", "Split it into several computed fields or rules.");
        }

        return (checker._diagnostics, expression, checker._referenced.Values);
    }

    private ExpressionStatement? CheckScript(Script script)
    {
        var statements = script.Body.Where(s => s.Type != NodeType.EmptyStatement).ToList();
        if (statements.Count == 0)
        {
            Report(ExpressionErrorCategory.Syntax, script, "The expression is empty.", "Write a value or a condition, e.g. amount > 500.");
            return null;
        }

        if (statements.Count > 1)
        {
            Report(ExpressionErrorCategory.Forbidden, statements[1],
                $"An expression is one expression, but this has {statements.Count} statements.",
                "Combine conditions with && or ||, choose values with a ? b : c, and put several steps in an arrow: (() => { const x = ...; return x; })().");
            return null;
        }

        switch (statements[0])
        {
            case ExpressionStatement statement:
                Visit(statement.Expression, 1);
                return _diagnostics.Count == 0 ? statement : null;
            case VariableDeclaration declaration:
                Report(ExpressionErrorCategory.Forbidden, declaration, "An expression cannot declare variables at its top level.",
                    $"Write the value itself (amount * 1.2 rather than {Kind(declaration)} x = amount * 1.2); inside an arrow's block body const and let are fine.");
                break;
            case FunctionDeclaration function:
                Report(ExpressionErrorCategory.Forbidden, function, "An expression cannot declare functions at its top level.",
                    "Pass an arrow to an array method instead, e.g. lines.map(l => l.qty).");
                break;
            case ClassDeclaration:
                ReportClass(statements[0]);
                break;
            case ReturnStatement:
                Report(ExpressionErrorCategory.Forbidden, statements[0], "Expressions do not use 'return'.",
                    "Write the value itself: amount > 500 rather than return amount > 500.");
                break;
            default:
                VisitStatement(statements[0], 1);
                if (_diagnostics.Count == 0)
                {
                    Report(ExpressionErrorCategory.Forbidden, statements[0], "An expression must be a single expression, not a statement.",
                        "Choose values with a ? b : c; put statements inside an arrow's block body.");
                }

                break;
        }

        return null;
    }

    private static string Kind(VariableDeclaration declaration) => declaration.Kind.ToString().ToLowerInvariant();

    private void VisitStatement(Node? node, int depth)
    {
        if (node is null || !Deep(node, depth))
        {
            return;
        }

        switch (node)
        {
            case ForStatement or ForInStatement or ForOfStatement or WhileStatement or DoWhileStatement:
                Report(ExpressionErrorCategory.Forbidden, node,
                    "Loops are not allowed in expressions: an expression describes a value, and array methods say which rows it reads.",
                    "Use lines.map(l => ...), lines.filter(l => ...), lines.reduce((t, l) => t + l.qty, 0), or sum(lines, 'qty').");
                return;
            case WithStatement:
                Report(ExpressionErrorCategory.Forbidden, node, "'with' is not allowed: it hides which variable a name refers to.",
                    "Write the object's name in front of each property, e.g. order.total.");
                return;
            case DebuggerStatement:
                Report(ExpressionErrorCategory.Forbidden, node, "'debugger' is not allowed in expressions.", "Remove it.");
                return;
            case LabeledStatement:
                Report(ExpressionErrorCategory.Forbidden, node, "Labels are not allowed in expressions.", "Remove the label.");
                return;
            case ClassDeclaration:
                ReportClass(node);
                return;
            case FunctionDeclaration function:
                VisitFunction(function, depth);
                return;
            case VariableDeclaration declaration:
                foreach (var declarator in declaration.Declarations)
                {
                    VisitPattern(declarator.Id, depth + 1);
                    Visit(declarator.Init, depth + 1);
                }

                return;
            case TryStatement statement:
                VisitStatement(statement.Block, depth + 1);
                if (statement.Handler is { } handler)
                {
                    var names = new HashSet<string>(StringComparer.Ordinal);
                    if (handler.Param is { } param)
                    {
                        BoundNames(param, names);
                    }

                    _scopes.Add(names);
                    VisitPattern(handler.Param, depth + 1);
                    VisitStatement(handler.Body, depth + 1);
                    _scopes.RemoveAt(_scopes.Count - 1);
                }

                VisitStatement(statement.Finalizer, depth + 1);
                return;
            case Statement when node is not ExpressionStatement && node is not BlockStatement && node is not IfStatement
                && node is not ReturnStatement && node is not ThrowStatement && node is not SwitchStatement && node is not SwitchCase
                && node is not BreakStatement && node is not ContinueStatement && node is not EmptyStatement:
                Report(ExpressionErrorCategory.Forbidden, node, $"'{node.TypeText}' is not allowed in expressions.", "Remove it.");
                return;
            default:
                VisitChildren(node, depth);
                return;
        }
    }

    private void Visit(Node? node, int depth)
    {
        if (node is null || !Deep(node, depth))
        {
            return;
        }

        var next = depth + 1;
        switch (node)
        {
            case Identifier identifier:
                Read(identifier);
                return;
            case ThisExpression:
                if (_functionDepth == 0)
                {
                    Report(ExpressionErrorCategory.Forbidden, node, "'this' has no meaning in an expression.", "Name the field or variable you mean.");
                }

                return;
            case BigIntLiteral:
                Report(ExpressionErrorCategory.Forbidden, node, "BigInt literals (123n) are not supported: results must be plain JSON numbers.",
                    "Write a plain number, e.g. 123.");
                return;
            case Literal:
                return;
            case ClassExpression:
                ReportClass(node);
                return;
            case AwaitExpression:
                Report(ExpressionErrorCategory.Forbidden, node, "'await' is not allowed: expressions run synchronously and nothing may outlive them.",
                    "Use the value directly.");
                return;
            case YieldExpression:
                Report(ExpressionErrorCategory.Forbidden, node, "Generators (yield) are not allowed.", "Return an array instead.");
                return;
            case ImportExpression or MetaProperty when node is not MetaProperty { Meta.Name: "new" }:
                Report(ExpressionErrorCategory.Forbidden, node, "Modules (import) are not available: expressions cannot load code.",
                    "Use the helper functions.");
                return;
            case FunctionExpression or ArrowFunctionExpression:
                VisitFunction((IFunction)node, depth);
                return;
            case MemberExpression member:
                Visit(member.Object, next);
                if (member.Computed)
                {
                    if (member.Property is StringLiteral { Value: var key })
                    {
                        CheckProperty(member.Property, key);
                    }

                    Visit(member.Property, next);
                }
                else if (member.Property is Identifier property)
                {
                    CheckProperty(property, property.Name);
                }

                return;
            case ObjectExpression objectExpression:
                foreach (var item in objectExpression.Properties)
                {
                    if (item is Property property)
                    {
                        VisitProperty(property, next);
                    }
                    else
                    {
                        Visit(item, next);
                    }
                }

                return;
            case AssignmentExpression assignment:
                if (_functionDepth == 0)
                {
                    Report(ExpressionErrorCategory.Forbidden, node, "Expressions cannot assign values.",
                        "To compare, use === (e.g. status === 'open'); to compute, write the value itself.");
                }

                CheckWriteTarget(assignment.Left);
                VisitPattern(assignment.Left, next, declaring: false);
                Visit(assignment.Right, next);
                return;
            case UpdateExpression update:
                if (_functionDepth == 0)
                {
                    Report(ExpressionErrorCategory.Forbidden, node, "Expressions cannot change variables (++ and --).", "Write amount + 1 instead of amount++.");
                }

                CheckWriteTarget(update.Argument);
                VisitPattern(update.Argument, next, declaring: false);
                return;
            case UnaryExpression { Operator: Acornima.Operator.Delete } unary:
                CheckWriteTarget(unary.Argument);
                Visit(unary.Argument, next);
                return;
            default:
                VisitChildren(node, depth);
                return;
        }
    }

    private void VisitChildren(Node node, int depth)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is Statement)
            {
                VisitStatement(child, depth + 1);
            }
            else
            {
                Visit(child, depth + 1);
            }
        }
    }

    private void VisitProperty(Property property, int depth)
    {
        if (property.Kind is Acornima.Ast.PropertyKind.Get or Acornima.Ast.PropertyKind.Set)
        {
            Report(ExpressionErrorCategory.Forbidden, property, "Getters and setters are not allowed in expressions.", "Use a plain property value.");
        }

        if (property.Computed)
        {
            Visit(property.Key, depth);
        }
        else if (PropertyName(property.Key) is { } key && JavaScriptNames.ForbiddenProperties.Contains(key))
        {
            Report(ExpressionErrorCategory.Forbidden, property, $"The property name '{key}' is not allowed.", "Choose another name.");
        }

        Visit(property.Value, depth);
    }

    /// <summary>A destructuring target or a declaration's name: bound names are not reads, but defaults and computed keys are.</summary>
    private void VisitPattern(Node? node, int depth, bool declaring = true)
    {
        if (node is null || !Deep(node, depth))
        {
            return;
        }

        switch (node)
        {
            case Identifier identifier:
                if (identifier.Name is "eval" or "arguments")
                {
                    Read(identifier);
                }
                else if (!declaring && _functionDepth > 0 && !IsBound(identifier.Name))
                {
                    Report(ExpressionErrorCategory.Forbidden, identifier,
                        $"'{identifier.Name}' is not a local variable here: an input of the expression cannot be changed, and an expression cannot create globals.",
                        $"Declare a local first, e.g. const copy = {identifier.Name};");
                }

                return;
            case ObjectPattern pattern:
                foreach (var item in pattern.Properties)
                {
                    if (item is Property property)
                    {
                        if (property.Computed)
                        {
                            Visit(property.Key, depth + 1);
                        }
                        else if (PropertyName(property.Key) is { } key && JavaScriptNames.ForbiddenProperties.Contains(key))
                        {
                            Report(ExpressionErrorCategory.Forbidden, property, $"The property name '{key}' is not allowed.", "Choose another name.");
                        }

                        VisitPattern(property.Value, depth + 1, declaring);
                    }
                    else
                    {
                        VisitPattern(item, depth + 1, declaring);
                    }
                }

                return;
            case ArrayPattern pattern:
                foreach (var element in pattern.Elements)
                {
                    VisitPattern(element, depth + 1, declaring);
                }

                return;
            case RestElement rest:
                VisitPattern(rest.Argument, depth + 1, declaring);
                return;
            case AssignmentPattern assignment:
                VisitPattern(assignment.Left, depth + 1, declaring);
                Visit(assignment.Right, depth + 1);
                return;
            default:
                // A member expression as an assignment target (o.x = 1) reads o.
                Visit(node, depth);
                return;
        }
    }

    private void VisitFunction(IFunction function, int depth)
    {
        var node = (Node)function;
        if (function.Async)
        {
            Report(ExpressionErrorCategory.Forbidden, node, "async functions are not allowed: expressions run synchronously and nothing may outlive them.",
                "Write a plain arrow, e.g. l => l.qty.");
        }

        if (function.Generator)
        {
            Report(ExpressionErrorCategory.Forbidden, node, "Generator functions (function*) are not allowed.", "Return an array instead.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        if (function.Id is { } id)
        {
            names.Add(id.Name);
        }

        foreach (var parameter in function.Params)
        {
            BoundNames(parameter, names);
        }

        if (function.Body is BlockStatement body)
        {
            DeclaredNames(body, names);
        }

        _scopes.Add(names);
        _functionDepth++;
        foreach (var parameter in function.Params)
        {
            VisitPattern(parameter, depth + 1);
        }

        if (function.Body is Statement statement)
        {
            VisitStatement(statement, depth + 1);
        }
        else
        {
            Visit(function.Body, depth + 1);
        }

        _functionDepth--;
        _scopes.RemoveAt(_scopes.Count - 1);
    }

    /// <summary>Names declared anywhere in a function body (var, let, const, function, catch parameters), not inside nested functions.</summary>
    private static void DeclaredNames(Node node, HashSet<string> names)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case VariableDeclaration declaration:
                    foreach (var declarator in declaration.Declarations)
                    {
                        BoundNames(declarator.Id, names);
                    }

                    DeclaredNames(child, names);
                    break;
                case FunctionDeclaration { Id: { } id }:
                    names.Add(id.Name);
                    break;
                case ClassDeclaration { Id: { } id }:
                    names.Add(id.Name);
                    break;
                case IFunction:
                    break;
                default:
                    DeclaredNames(child, names);
                    break;
            }
        }
    }

    private static void BoundNames(Node? pattern, HashSet<string> names)
    {
        switch (pattern)
        {
            case Identifier identifier:
                names.Add(identifier.Name);
                break;
            case ObjectPattern objectPattern:
                foreach (var item in objectPattern.Properties)
                {
                    BoundNames(item is Property property ? property.Value : item, names);
                }

                break;
            case ArrayPattern arrayPattern:
                foreach (var element in arrayPattern.Elements)
                {
                    BoundNames(element, names);
                }

                break;
            case RestElement rest:
                BoundNames(rest.Argument, names);
                break;
            case AssignmentPattern assignment:
                BoundNames(assignment.Left, names);
                break;
            default:
                break;
        }
    }

    private void Read(Identifier identifier)
    {
        var name = identifier.Name;
        if (name is "eval" or "Function")
        {
            Report(ExpressionErrorCategory.Forbidden, identifier, $"'{name}' is not available: it would run text as code outside the sandbox's checks.",
                "Write the logic directly in the expression.");
            return;
        }

        if (JavaScriptNames.RemovedGlobals.Contains(name))
        {
            Report(ExpressionErrorCategory.Forbidden, identifier,
                $"'{name}' is not available in expressions: it could reach past the sandbox or outlive the evaluation.",
                "Use plain values, arrays and objects, and the helper functions.");
            return;
        }

        if (name == "arguments")
        {
            Report(ExpressionErrorCategory.Forbidden, identifier, "'arguments' is not available in expressions.", "Use rest parameters: (...values) => sum(values).");
            return;
        }

        if (IsBound(name))
        {
            return;
        }

        if (!_referenced.ContainsKey(name))
        {
            var start = identifier.Location.Start;
            _referenced[name] = new ExpressionVariable(name, start.Line, start.Column + 1);
        }
    }

    private bool IsBound(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    private void CheckWriteTarget(Node target)
    {
        if (target is MemberExpression member)
        {
            var name = member.Computed ? (member.Property as StringLiteral)?.Value : (member.Property as Identifier)?.Name;
            if (name is "prototype" or "__proto__")
            {
                Report(ExpressionErrorCategory.Forbidden, target, $"Writing '{name}' is not allowed: it would change how every object behaves.",
                    "Build a new plain object instead.");
            }
        }
    }

    private void CheckProperty(Node property, string name)
    {
        if (JavaScriptNames.ForbiddenProperties.Contains(name))
        {
            Report(ExpressionErrorCategory.Forbidden, property,
                $"The property '{name}' is not allowed: it leads from a value to the script engine's internals.",
                "Read data properties only, e.g. order.total.");
        }
    }

    private void ReportClass(Node node) => Report(ExpressionErrorCategory.Forbidden, node, "Classes are not allowed in expressions.",
        "Use plain objects, e.g. ({ name: first + ' ' + last }).");

    private static string? PropertyName(Node key) => key switch
    {
        Identifier identifier => identifier.Name,
        StringLiteral literal => literal.Value,
        _ => null,
    };

    private bool Deep(Node node, int depth)
    {
        if (depth <= _limits.MaxSyntaxDepth)
        {
            return true;
        }

        if (!_depthReported)
        {
            _depthReported = true;
            Report(ExpressionErrorCategory.TooComplex, node, $"The expression is nested more than {_limits.MaxSyntaxDepth} levels deep.",
                "Split it into simpler parts, e.g. several computed fields.");
        }

        return false;
    }

    private void Report(ExpressionErrorCategory category, Node node, string message, string hint)
    {
        var start = node.Location.Start;
        _diagnostics.Add(new ExpressionDiagnostic(category, Math.Max(1, start.Line), start.Column + 1, message, hint));
    }
}
