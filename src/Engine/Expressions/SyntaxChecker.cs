using Jint.Parser;
using Jint.Parser.Ast;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Walks a parsed program once: enforces the one-line-expression subset (see docs/expressions.md),
/// collects the names the expression reads from its scope, and rewrites the tree so the sandbox
/// sees every place where memory or the stack can grow: <c>a + b</c> between two non-literals becomes
/// a guarded call, and every function body is bracketed by enter/leave calls that count recursion.
/// </summary>
internal sealed class SyntaxChecker
{
    internal const string AddFunction = "__lcAdd";
    internal const string EnterFunction = "__lcEnter";

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

    /// <summary>The problems, and every free name the program reads with the place it first reads it.</summary>
    public static (IReadOnlyList<ExpressionDiagnostic> Diagnostics, IReadOnlyCollection<ExpressionVariable> Referenced) Check(
        Program program, ExpressionLimits limits)
    {
        var checker = new SyntaxChecker(limits);
        checker.CheckProgram(program);
        return (checker._diagnostics, checker._referenced.Values);
    }

    private void CheckProgram(Program program)
    {
        var statements = program.Body.Where(s => s.Type != SyntaxNodes.EmptyStatement).ToList();
        if (statements.Count == 0)
        {
            Report(ExpressionErrorCategory.Syntax, program, "The expression is empty.", "Write a value or a condition, e.g. amount > 500.");
        }
        else if (statements.Count > 1)
        {
            Report(ExpressionErrorCategory.Forbidden, statements[1],
                $"An expression is one line of code, but this has {statements.Count} statements.",
                "Combine conditions with && or ||, and choose values with a ? b : c or iif(c, a, b).");
        }
        else if (statements[0].Type == SyntaxNodes.VariableDeclaration && ((VariableDeclaration)statements[0]).Kind == "var")
        {
            Report(ExpressionErrorCategory.Forbidden, statements[0], "Expressions cannot declare variables.",
                "Write the value itself, e.g. amount * 1.2 rather than var x = amount * 1.2.");
        }
        else if (statements[0].Type == SyntaxNodes.FunctionDeclaration)
        {
            Report(ExpressionErrorCategory.Forbidden, statements[0], "Expressions cannot declare functions.",
                "Use the helper functions, or pass a function (function (x) { return ...; }) to an array method.");
        }
        else if (statements[0].Type is SyntaxNodes.ReturnStatement)
        {
            Report(ExpressionErrorCategory.Forbidden, statements[0], "Expressions do not use 'return'.",
                "Write the value itself: amount > 500 rather than return amount > 500.");
        }

        foreach (var statement in statements)
        {
            VisitStatement(statement, 1);
        }
    }

    private void VisitStatement(Statement? statement, int depth)
    {
        if (statement is null || !Deep(statement, depth))
        {
            return;
        }

        switch (statement)
        {
            case ExpressionStatement s:
                s.Expression = Visit(s.Expression, depth);
                break;
            case BlockStatement s:
                VisitStatements(s.Body, depth);
                break;
            case IfStatement s:
                s.Test = Visit(s.Test, depth);
                VisitStatement(s.Consequent, depth + 1);
                VisitStatement(s.Alternate, depth + 1);
                break;
            case ReturnStatement s:
                s.Argument = Visit(s.Argument, depth);
                break;
            case ThrowStatement s:
                s.Argument = Visit(s.Argument, depth);
                break;
            case VariableDeclaration s:
                VisitDeclaration(s, depth);
                break;
            case FunctionDeclaration s:
                VisitFunction(s, s.Id, depth);
                break;
            case TryStatement s:
                VisitStatement(s.Block, depth + 1);
                foreach (var handler in s.Handlers)
                {
                    _scopes.Add(new HashSet<string>(StringComparer.Ordinal) { handler.Param.Name });
                    VisitStatement(handler.Body, depth + 1);
                    _scopes.RemoveAt(_scopes.Count - 1);
                }

                VisitStatement(s.Finalizer, depth + 1);
                break;
            case SwitchStatement s:
                s.Discriminant = Visit(s.Discriminant, depth);
                foreach (var @case in s.Cases)
                {
                    @case.Test = Visit(@case.Test, depth);
                    VisitStatements(@case.Consequent, depth);
                }

                break;
            case ForStatement or ForInStatement or WhileStatement or DoWhileStatement:
                Report(ExpressionErrorCategory.Forbidden, statement, "Loops are not allowed in expressions: they are how an expression hangs a form.",
                    "Use sum(), count(), min(), max(), avg(), or array methods such as lines.filter(function (l) { return l.qty > 0; }).");
                break;
            case WithStatement:
                Report(ExpressionErrorCategory.Forbidden, statement, "'with' is not allowed: it hides which variable a name refers to.",
                    "Write the object's name in front of each property, e.g. order.total.");
                break;
            case DebuggerStatement:
                Report(ExpressionErrorCategory.Forbidden, statement, "'debugger' is not allowed in expressions.", "Remove it.");
                break;
            case LabelledStatement:
                Report(ExpressionErrorCategory.Forbidden, statement, "Labels are not allowed in expressions.", "Remove the label.");
                break;
            default:
                break;
        }
    }

    private void VisitStatements(IEnumerable<Statement> statements, int depth)
    {
        foreach (var statement in statements)
        {
            VisitStatement(statement, depth + 1);
        }
    }

    private void VisitDeclaration(VariableDeclaration declaration, int depth)
    {
        if (declaration.Kind != "var")
        {
            Report(ExpressionErrorCategory.Unsupported, declaration,
                $"'{declaration.Kind}' is not supported: the script engine (ES5.1) would silently treat it as 'var'.",
                "Use 'var' inside functions.");
        }

        foreach (var declarator in declaration.Declarations)
        {
            CheckName(declarator.Id);
            declarator.Init = Visit(declarator.Init, depth + 1);
        }
    }

    private Expression Visit(Expression? expression, int depth)
    {
        if (expression is null || !Deep(expression, depth))
        {
            return expression!;
        }

        var next = depth + 1;
        switch (expression)
        {
            case Identifier e:
                CheckName(e);
                Reference(e);
                break;
            case ArrayExpression e:
                e.Elements = e.Elements.Select(x => x is null ? null! : Visit(x, next)).ToList();
                break;
            case ObjectExpression e:
                foreach (var property in e.Properties)
                {
                    if (PropertyName(property.Key) is { } key && JavaScriptNames.ForbiddenProperties.Contains(key))
                    {
                        Report(ExpressionErrorCategory.Forbidden, property, $"The property name '{key}' is not allowed.", "Choose another name.");
                    }

                    property.Value = Visit(property.Value, next);
                }

                break;
            case FunctionExpression e:
                VisitFunction(e, e.Id, depth);
                break;
            case SequenceExpression e:
                for (var i = 0; i < e.Expressions.Count; i++)
                {
                    e.Expressions[i] = Visit(e.Expressions[i], next);
                }

                break;
            case UnaryExpression e:
                e.Argument = Visit(e.Argument, next);
                if (e.Type == SyntaxNodes.UpdateExpression && _functionDepth == 0)
                {
                    Report(ExpressionErrorCategory.Forbidden, e, "Expressions cannot change variables (++ and --).", "Write amount + 1 instead of amount++.");
                }

                break;
            case BinaryExpression e:
                e.Left = Visit(e.Left, next);
                e.Right = Visit(e.Right, next);
                if (e.Operator == BinaryOperator.Plus && !IsBounded(e.Left) && !IsBounded(e.Right))
                {
                    return Call(AddFunction, e, e.Left, e.Right);
                }

                break;
            case AssignmentExpression e:
                return VisitAssignment(e, next);
            case LogicalExpression e:
                e.Left = Visit(e.Left, next);
                e.Right = Visit(e.Right, next);
                break;
            case ConditionalExpression e:
                e.Test = Visit(e.Test, next);
                e.Consequent = Visit(e.Consequent, next);
                e.Alternate = Visit(e.Alternate, next);
                break;
            case CallExpression e:
                CheckCall(e);
                e.Callee = Visit(e.Callee, next);
                for (var i = 0; i < e.Arguments.Count; i++)
                {
                    e.Arguments[i] = Visit(e.Arguments[i], next);
                }

                // Jint caches literal argument arrays on the shared tree; a callee could mutate them.
                e.CanBeCached = false;
                break;
            case NewExpression e:
                if (e.Callee is Identifier { Name: "Date" } && !e.Arguments.Any())
                {
                    Report(ExpressionErrorCategory.Forbidden, e, "new Date() would read the machine clock, so a replay could give another answer.",
                        "Use now() for the evaluation's current time, or today() for its date.");
                }

                e.Callee = Visit(e.Callee, next);
                e.Arguments = e.Arguments.Select(x => Visit(x, next)).ToList();
                break;
            case MemberExpression e:
                e.Object = Visit(e.Object, next);
                if (!e.Computed)
                {
                    CheckProperty(e, ((Identifier)e.Property).Name);
                }
                else
                {
                    if (e.Property is Literal { Value: string key })
                    {
                        CheckProperty(e, key);
                    }

                    e.Property = Visit(e.Property, next);
                }

                break;
            default:
                break;
        }

        return expression;
    }

    /// <summary>
    /// An operand that is a literal or always a number adds at most a few dozen characters to a string, so
    /// <c>+</c> with it cannot grow memory faster than statements run and needs no guard (the hot path of
    /// <c>total + row.qty * row.price</c> stays a plain addition).
    /// </summary>
    private static bool IsBounded(Expression operand) => operand switch
    {
        Literal => true,
        BinaryExpression binary => binary.Operator is not BinaryOperator.Plus,
        UnaryExpression unary => unary.Operator is UnaryOperator.Minus or UnaryOperator.Plus or UnaryOperator.BitwiseNot
            or UnaryOperator.Increment or UnaryOperator.Decrement or UnaryOperator.TypeOf or UnaryOperator.LogicalNot or UnaryOperator.Void,
        _ => false,
    };

    private AssignmentExpression VisitAssignment(AssignmentExpression e, int depth)
    {
        if (_functionDepth == 0)
        {
            Report(ExpressionErrorCategory.Forbidden, e, "Expressions cannot assign values.",
                "To compare, use === (e.g. status === 'open'); to compute, write the value itself.");
        }

        e.Left = Visit(e.Left, depth);
        e.Right = Visit(e.Right, depth);
        if (e.Operator != AssignmentOperator.PlusAssign)
        {
            return e;
        }

        var simpleTarget = e.Left is Identifier
            || e.Left is MemberExpression { Object: Identifier } member && (!member.Computed || member.Property is Literal or Identifier);
        if (!simpleTarget)
        {
            Report(ExpressionErrorCategory.Forbidden, e, "'+=' is only allowed on a variable or a simple property here.",
                "Write x = x + y with a variable x.");
            return e;
        }

        e.Operator = AssignmentOperator.Assign;
        e.Right = Call(AddFunction, e, e.Left, e.Right);
        return e;
    }

    private void VisitFunction(IFunctionDeclaration function, Identifier? id, int depth)
    {
        var node = (SyntaxNode)function;
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (id is not null)
        {
            CheckName(id);
            names.Add(id.Name);
        }

        foreach (var parameter in function.Parameters)
        {
            CheckName(parameter);
            names.Add(parameter.Name);
        }

        foreach (var declaration in function.VariableDeclarations)
        {
            foreach (var declarator in declaration.Declarations)
            {
                names.Add(declarator.Id.Name);
            }
        }

        foreach (var declaration in function.FunctionDeclarations)
        {
            names.Add(declaration.Id.Name);
        }

        names.Add("arguments");
        _scopes.Add(names);
        _functionDepth++;
        VisitStatement(function.Body, depth + 1);
        _functionDepth--;
        _scopes.RemoveAt(_scopes.Count - 1);

        // Jint applies its Strict option to global code only; strict functions make writes to frozen built-ins throw instead of failing silently.
        switch (function)
        {
            case FunctionExpression expression:
                expression.Strict = true;
                break;
            case FunctionDeclaration declaration:
                declaration.Strict = true;
                break;
            default:
                break;
        }

        if (function.Body is BlockStatement body)
        {
            GuardBody((SyntaxNode)function, body);
        }
    }

    /// <summary>
    /// Checks call depth, the clock and the allocation budget for every way a function can be entered (plain
    /// calls, new, bound functions, getters, callbacks from built-ins), which Jint's own recursion limit does not
    /// see and which costs every evaluation when enabled. The body becomes <c>__lcEnter(); ...</c>; the depth
    /// is read from Jint's own stack of execution contexts, which unwinds itself on return and on throw, so
    /// nothing needs to run when a function leaves.
    /// </summary>
    private static void GuardBody(SyntaxNode function, BlockStatement body) =>
        body.Body = body.Body.Prepend(Statement(Call(EnterFunction, function))).ToList();

    private static Identifier Name(string name, SyntaxNode at)
        => new() { Type = SyntaxNodes.Identifier, Name = name, Location = at.Location, Range = at.Range };

    private static ExpressionStatement Statement(Expression expression) => new()
    {
        Type = SyntaxNodes.ExpressionStatement,
        Expression = expression,
        Location = expression.Location,
        Range = expression.Range,
    };

    private static CallExpression Call(string name, SyntaxNode at, params Expression[] arguments) => new()
    {
        Type = SyntaxNodes.CallExpression,
        Callee = Name(name, at),
        Arguments = arguments.ToList(),
        CanBeCached = false,
        Location = at.Location,
        Range = at.Range,
    };

    private void CheckCall(CallExpression call)
    {
        switch (call.Callee)
        {
            case MemberExpression { Computed: false, Object: Identifier { Name: "Math" }, Property: Identifier { Name: "random" } }:
                Report(ExpressionErrorCategory.Forbidden, call, "Math.random() is not available: an expression must give the same answer every time it is replayed.",
                    "Derive the value from the data instead.");
                break;
            case MemberExpression { Computed: false, Object: Identifier { Name: "Date" }, Property: Identifier { Name: "now" } }:
                Report(ExpressionErrorCategory.Forbidden, call, "Date.now() would read the machine clock.", "Use now() for the evaluation's current time.");
                break;
            case Identifier { Name: "Date" }:
                Report(ExpressionErrorCategory.Forbidden, call, "Date() would read the machine clock.", "Use now() for the evaluation's current time.");
                break;
            default:
                break;
        }
    }

    private void CheckName(Identifier identifier)
    {
        var name = identifier.Name;
        if (name is "eval" or "Function")
        {
            Report(ExpressionErrorCategory.Forbidden, identifier, $"'{name}' is not allowed: it would run text as code outside the checks.",
                "Write the logic directly in the expression.");
        }
        else if (name.StartsWith("__lc", StringComparison.Ordinal))
        {
            Report(ExpressionErrorCategory.Forbidden, identifier, $"Names starting with __lc are reserved by the sandbox ('{name}').", "Choose another name.");
        }
    }

    private void CheckProperty(SyntaxNode node, string name)
    {
        if (JavaScriptNames.ForbiddenProperties.Contains(name))
        {
            Report(ExpressionErrorCategory.Forbidden, node, $"Reading '.{name}' is not allowed: it leads out of the data to the script engine's internals.",
                "Read the data's own fields instead.");
        }
    }

    private void Reference(Identifier identifier)
    {
        var name = identifier.Name;
        foreach (var scope in _scopes)
        {
            if (scope.Contains(name))
            {
                return;
            }
        }

        if (!name.StartsWith("__lc", StringComparison.Ordinal) && !_referenced.ContainsKey(name))
        {
            var start = identifier.Location?.Start ?? new Position { Line = 1, Column = 0 };
            _referenced.Add(name, new ExpressionVariable(name, start.Line, start.Column + 1));
        }
    }

    private bool Deep(SyntaxNode node, int depth)
    {
        if (depth <= _limits.MaxSyntaxDepth)
        {
            return true;
        }

        if (!_depthReported)
        {
            _depthReported = true;
            Report(ExpressionErrorCategory.TooComplex, node, $"The expression is nested more than {_limits.MaxSyntaxDepth} levels deep.",
                "Split it into simpler parts, or use sum() instead of a long chain of +.");
        }

        return false;
    }

    private static string? PropertyName(IPropertyKeyExpression key) => key switch
    {
        Identifier identifier => identifier.Name,
        Literal literal => literal.Value as string,
        _ => null,
    };

    private void Report(ExpressionErrorCategory category, SyntaxNode node, string message, string hint)
    {
        var start = node.Location?.Start ?? new Position { Line = 1, Column = 0 };
        _diagnostics.Add(new ExpressionDiagnostic(category, start.Line, start.Column + 1, message, hint));
    }
}
