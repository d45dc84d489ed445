using LowCode.Engine.Forms;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Forms;

/// <summary>
/// Computed values and visibility must not depend on themselves, or no order could work them out: a computed field
/// that reads itself through others, a field whose visibleWhen reads its own value (hiding it would empty it, which
/// would show it again), a column computed from the table it sits in. The forms runtime orders its steps with the same
/// <see cref="FormDependencies"/>, so what saves is what runs. Each loop is reported once, at its first expression.
/// </summary>
internal sealed class ComputedCycleRule : DefinitionRule<FormDefinition>
{
    protected override void Check(FormDefinition definition, RuleContext context)
    {
        if (context.Expressions is not { } checker)
        {
            return;
        }

        var dependencies = FormDependencies.Build(FormLayout.Of(definition), source => checker.Variables(source)?.Select(v => v.Name).ToList());
        foreach (var cycle in dependencies.Cycles)
        {
            context.Report(cycle[0].ExpressionPath, "form.computedCycle", FormPlan.CycleText(cycle));
        }
    }
}
