using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Validation.Processes;

/// <summary>
/// A rule that routes this process must route to one of its steps, and the steps it is restricted to must exist. Checked from both sides: when the process is
/// saved (against its rule set) and when the rule set is saved (against every process that uses it).
/// </summary>
internal sealed class RoutingTargetsRule : DefinitionRule<IDefinition>
{
    protected override void Check(IDefinition definition, RuleContext context)
    {
        switch (definition)
        {
            case ProcessDefinition process when process.RuleSet is { } key && context.Catalog.FindRuleSet(key) is { } ruleSet:
                foreach (var (path, target, rule) in RoutingEdges.StepReferences(ruleSet))
                {
                    if (!process.Steps.Any(s => s.Key == target))
                    {
                        context.Report("$.ruleSet", "rule.unknownStep", $"Rule '{rule}' of rule set '{key}' names the step '{target}' ({path} there), but this process has no such step. Add the step or change the rule.");
                    }
                }

                break;
            case RuleSetDefinition ruleSet:
                foreach (var process in context.Catalog.ProcessesUsing(ruleSet.Key))
                {
                    var keys = process.Steps.Select(s => s.Key).ToList();
                    foreach (var (path, target, _) in RoutingEdges.StepReferences(ruleSet))
                    {
                        if (!keys.Contains(target, StringComparer.Ordinal))
                        {
                            context.Report(path, "rule.unknownStep", $"Names the step '{target}', but process '{process.Key}', which uses this rule set, has no such step.{KeyFormat.DidYouMean(target, keys)}");
                        }
                    }
                }

                break;
        }
    }
}
