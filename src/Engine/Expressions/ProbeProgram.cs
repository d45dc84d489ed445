using Jint.Parser;
using Jint.Parser.Ast;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Jint 2.10 reports a failed property read or call as a bare TypeError with no position. To name the
/// failing part, the evaluator re-runs the (deterministic) expression once more in a variant where the
/// object of every property read and every called function passes through <c>__lcProbe(value, id)</c>:
/// the last probe before the error is the failing part, and its value says why. Built only on the error path.
/// </summary>
internal sealed class ProbeProgram
{
    internal const string ProbeFunction = "__lcProbe";

    private readonly List<SyntaxNode> _nodes = [];

    private ProbeProgram(Program program)
    {
        Program = program;
    }

    public Program Program { get; }

    public static ProbeProgram? Create(CompiledExpression compiled, ExpressionLimits limits)
    {
        Program program;
        try
        {
            program = new JavaScriptParser().Parse(compiled.Source, new ParserOptions { Tolerant = false });
        }
        catch (ParserException)
        {
            return null;
        }

        SyntaxChecker.Check(program, limits);
        var probe = new ProbeProgram(program);
        foreach (var statement in program.Body)
        {
            probe.Rewrite(statement, 0);
        }

        return probe;
    }

    public SyntaxNode? Node(int id) => id >= 0 && id < _nodes.Count ? _nodes[id] : null;

    private void Rewrite(SyntaxNode? node, int depth)
    {
        if (node is null || depth > 200)
        {
            return;
        }

        switch (node)
        {
            case MemberExpression member:
                Rewrite(member.Object, depth + 1);
                if (member.Computed)
                {
                    Rewrite(member.Property, depth + 1);
                }

                member.Object = Probe(member.Object, member);
                return;
            case CallExpression call:
                Rewrite(call.Callee, depth + 1);
                foreach (var argument in call.Arguments)
                {
                    Rewrite(argument, depth + 1);
                }

                if (call.Callee is Identifier { Name: not (SyntaxChecker.AddFunction or SyntaxChecker.EnterFunction) })
                {
                    call.Callee = Probe(call.Callee, call);
                }

                return;
            default:
                break;
        }

        foreach (var child in AstPath.Children(node))
        {
            Rewrite(child, depth + 1);
        }
    }

    private CallExpression Probe(Expression value, SyntaxNode owner)
    {
        var id = _nodes.Count;
        _nodes.Add(owner);
        return new CallExpression
        {
            Type = SyntaxNodes.CallExpression,
            Callee = new Identifier { Type = SyntaxNodes.Identifier, Name = ProbeFunction, Location = value.Location, Range = value.Range },
            Arguments = [value, new Literal { Type = SyntaxNodes.Literal, Value = (double)id, Raw = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Location = value.Location, Range = value.Range }],
            CanBeCached = false,
            Location = value.Location,
            Range = value.Range,
        };
    }
}
