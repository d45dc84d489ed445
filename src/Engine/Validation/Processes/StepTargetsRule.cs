using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Validation.Processes;

/// <summary>Every step, form and rule set a process names must exist.</summary>
internal sealed class StepTargetsRule : DefinitionRule<ProcessDefinition>
{
    protected override void Check(ProcessDefinition definition, RuleContext context)
    {
        var keys = definition.Steps.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        void Target(string? target, string path, string what)
        {
            if (target is not null && !keys.Contains(target))
            {
                context.Report(path, "step.unknownTarget", $"{what} '{target}', but no step has that key.{KeyFormat.DidYouMean(target, keys)}");
            }
        }

        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            var at = JsonPath.Root.Property("steps").Index(i);
            Target(step.Next, at.Property("next"), "'next' names the step");
            foreach (var (outcome, target) in step.Transitions)
            {
                Target(target, at.Property("transitions").Property(outcome), $"The '{outcome}' transition goes to");
            }

            for (var j = 0; j < step.Branches.Length; j++)
            {
                Target(step.Branches[j], at.Property("branches").Index(j), "The branch starts at");
            }

            if (step.Next == step.Key)
            {
                context.Report(at.Property("next"), "step.selfLoop", $"Step '{step.Key}' names itself as 'next', which would loop forever. Route back with a rule or an outcome instead.");
            }

            if (step.Form is { } form && !context.Catalog.HasForm(form))
            {
                context.Report(at.Property("form"), "step.unknownForm", $"No form with the key '{form}' exists (or is published). Create and publish it first, or fix the key.");
            }
        }

        if (definition.RuleSet is { } ruleSet && !context.Catalog.HasRuleSet(ruleSet))
        {
            context.Report("$.ruleSet", "process.unknownRuleSet", $"No rule set with the key '{ruleSet}' exists (or is published). Create and publish it first, or fix the key.");
        }
    }
}
