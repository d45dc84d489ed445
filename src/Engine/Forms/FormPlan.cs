using System.Collections.Immutable;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Forms;

/// <summary>A form definition prepared for evaluation, once: layout, evaluation order, compiled expressions, constraints.</summary>
internal sealed class FormPlan
{
    public FormPlan(FormDefinition form, IExpressionEvaluator evaluator)
    {
        Form = form;
        Layout = FormLayout.Of(form);
        Fields = [.. Layout.Fields.Select(f => new FieldPlan(f, evaluator))];
        HasFileFields = Layout.Fields.Any(f => f.Type == FieldType.File);
        var dependencies = FormDependencies.Build(Layout, source => evaluator.Compile(source) is { IsValid: true } c ? c.ReferencedNames : null);
        Steps = [.. dependencies.Order.Select(n => (n, dependencies.LoopOf.ContainsKey(n)))];
        CycleMessages = new string?[Layout.Fields.Length];
        foreach (var node in dependencies.Order)
        {
            if (dependencies.LoopOf.TryGetValue(node, out var loop))
            {
                CycleMessages[node.Field.Order] ??= CycleText(loop);
            }
        }

        Validations = [.. form.Validations.IsDefault ? [] : form.Validations.Select((v, i) => (
            Definition: v,
            Expression: PlanExpression.Create(evaluator, v.Expression, $"$.validations[{i}].expression", Layout.Top),
            Fields: v.Fields.IsDefault ? ImmutableArray<LayoutField>.Empty : [.. v.Fields.Select(k => Layout.Top.Fields.FirstOrDefault(f => f.Key == k)).OfType<LayoutField>()]))];
    }

    public FormDefinition Form { get; }

    public FormLayout Layout { get; }

    /// <summary>Whether any field, at any depth, is a file field.</summary>
    public bool HasFileFields { get; }

    /// <summary>One per field, indexed by <see cref="LayoutField.Order"/>.</summary>
    public ImmutableArray<FieldPlan> Fields { get; }

    /// <summary>The evaluation order; a step caught in a loop runs without its expression.</summary>
    public ImmutableArray<(DependencyNode Node, bool Cyclic)> Steps { get; }

    /// <summary>For each field caught in a dependency loop, the loop described; null for the others.</summary>
    public string?[] CycleMessages { get; }

    /// <summary>How a loop is described, at save time and at run time alike.</summary>
    public static string CycleText(ImmutableArray<DependencyNode> cycle) =>
        $"These depend on each other in a loop: {string.Join(" → ", cycle.Select(n => n.Describe()))}. "
        + "A hidden field reads as empty and a repeating group's rows include every column, so a loop can also run through visibility or a table; "
        + "change one of these expressions so that nothing depends on itself.";

    public ImmutableArray<(FormValidation Definition, PlanExpression? Expression, ImmutableArray<LayoutField> Fields)> Validations { get; }
}
