using System.Collections.Immutable;
using LowCode.Engine.Expressions;

namespace LowCode.Engine.Forms;

/// <summary>
/// One expression of a form, compiled once, with each name it reads resolved to the field it reads and how many
/// scopes out that field lives (0: the same row or the form, 1: the form around a row, …).
/// </summary>
internal sealed class PlanExpression
{
    private PlanExpression(CompiledExpression compiled, string label, ImmutableArray<(string Name, LayoutField Field, int Up)> reads)
    {
        Compiled = compiled;
        Label = label;
        Reads = reads;
    }

    public CompiledExpression Compiled { get; }

    /// <summary>The expression's JSON path in the definition, e.g. <c>$.fields[3].visibleWhen</c>.</summary>
    public string Label { get; }

    public ImmutableArray<(string Name, LayoutField Field, int Up)> Reads { get; }

    public static PlanExpression? Create(IExpressionEvaluator evaluator, string? source, string label, LayoutScope scope)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return null;
        }

        var compiled = evaluator.Compile(source);
        var reads = ImmutableArray.CreateBuilder<(string, LayoutField, int)>();
        // Every free name, helpers included: a field named like a helper (count, min, text) shadows it, as in the sandbox.
        foreach (var name in compiled.ReferencedNames)
        {
            if (ExpressionScope.IsValidName(name) && scope.Resolve(name) is { } target)
            {
                reads.Add((name, target.Field, target.Up));
            }
        }

        return new PlanExpression(compiled, label, reads.ToImmutable());
    }
}
