using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Validation.Processes;

/// <summary>Steps need unique identifier keys, a known type, a start that exists, and at least one end.</summary>
internal sealed class StepKeysRule : DefinitionRule<ProcessDefinition>
{
    protected override void Check(ProcessDefinition definition, RuleContext context)
    {
        if (definition.Steps.IsDefaultOrEmpty)
        {
            context.Report("$.steps", "process.noSteps", "The process has no steps. Add at least a first step and an 'end' step.");
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            var at = JsonPath.Root.Property("steps").Index(i);
            if (!KeyFormat.IsIdentifier(step.Key))
            {
                context.Report(at.Property("key"), "step.keyFormat", $"'{step.Key}' is not a valid step key. {KeyFormat.IdentifierHint}");
            }
            else if (!seen.TryAdd(step.Key, i))
            {
                context.Report(at.Property("key"), "step.duplicateKey", $"The key '{step.Key}' is already used by the step at $.steps[{seen[step.Key]}]. Step keys must be unique.");
            }

            if (step.ParsedType() is null)
            {
                context.Report(at.Property("type"), "step.unknownType", $"'{step.Type}' is not a step type.{KeyFormat.DidYouMean(step.Type, StepTypes.Names)} Known types: {string.Join(", ", StepTypes.Names)}.");
            }
        }

        if (definition.Start is { } start && !seen.ContainsKey(start))
        {
            context.Report("$.start", "process.unknownStart", $"The start step '{start}' does not exist.{KeyFormat.DidYouMean(start, seen.Keys)}");
        }

        if (!definition.Steps.Any(s => s.ParsedType() == StepType.End))
        {
            context.Report("$.steps", "process.noEnd", "The process has no 'end' step, so no instance could ever complete. Add a step of type 'end'.");
        }
    }
}
