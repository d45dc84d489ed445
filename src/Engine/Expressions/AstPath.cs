using Jint.Parser.Ast;

namespace LowCode.Engine.Expressions;

/// <summary>Finds the path from the root to a node; used only when an error needs the failing part, never on the hot path.</summary>
internal static class AstPath
{
    public static List<SyntaxNode> Find(SyntaxNode root, SyntaxNode target)
    {
        var path = new List<SyntaxNode>();
        Search(root, target, path, 0);
        return path;
    }

    public static Identifier? FindIdentifier(SyntaxNode root, string name)
    {
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (node is Identifier identifier && identifier.Name == name)
            {
                return identifier;
            }

            if (depth > 200)
            {
                continue;
            }

            foreach (var child in Children(node).Reverse())
            {
                if (child is not null)
                {
                    pending.Push((child, depth + 1));
                }
            }
        }

        return null;
    }

    private static bool Search(SyntaxNode? node, SyntaxNode target, List<SyntaxNode> path, int depth)
    {
        if (node is null || depth > 200)
        {
            return false;
        }

        path.Add(node);
        if (ReferenceEquals(node, target))
        {
            return true;
        }

        foreach (var child in Children(node))
        {
            if (Search(child, target, path, depth + 1))
            {
                return true;
            }
        }

        path.RemoveAt(path.Count - 1);
        return false;
    }

    internal static IEnumerable<SyntaxNode?> Children(SyntaxNode node) => node switch
    {
        Program p => p.Body,
        ExpressionStatement s => [s.Expression],
        BlockStatement s => s.Body,
        IfStatement s => [s.Test, s.Consequent, s.Alternate],
        ReturnStatement s => [s.Argument],
        ThrowStatement s => [s.Argument],
        VariableDeclaration s => s.Declarations,
        VariableDeclarator s => [s.Init],
        TryStatement s => new SyntaxNode?[] { s.Block, s.Finalizer }.Concat(s.Handlers.Select(h => h.Body)),
        SwitchStatement s => new SyntaxNode?[] { s.Discriminant }.Concat(s.Cases.SelectMany(c => new SyntaxNode?[] { c.Test }.Concat(c.Consequent))),
        FunctionDeclaration f => [f.Body],
        FunctionExpression f => [f.Body],
        ArrayExpression e => e.Elements,
        ObjectExpression e => e.Properties.Select(p => p.Value),
        SequenceExpression e => e.Expressions,
        UnaryExpression e => [e.Argument],
        BinaryExpression e => [e.Left, e.Right],
        AssignmentExpression e => [e.Left, e.Right],
        LogicalExpression e => [e.Left, e.Right],
        ConditionalExpression e => [e.Test, e.Consequent, e.Alternate],
        CallExpression e => new SyntaxNode?[] { e.Callee }.Concat(e.Arguments),
        NewExpression e => new SyntaxNode?[] { e.Callee }.Concat(e.Arguments),
        MemberExpression e => [e.Object, e.Property],
        _ => [],
    };
}
