using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Processes;

/// <summary>
/// Warns when two branches of one parallel split write the same top-level data key (a form's field, or a script's
/// <c>set</c> path): at run time the branch that completes last wins and the other's value survives only in the event
/// log. Legal, and sometimes meant, so it is a warning, never an error. Forms are read from the catalog the validator is
/// given, as the other process rules read them; a form it cannot see contributes no keys.
/// </summary>
internal sealed class ParallelWriteRule : DefinitionRule<ProcessDefinition>
{
    protected override void Check(ProcessDefinition definition, RuleContext context)
    {
        var steps = definition.Steps.GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var split = definition.Steps[i];
            if (split.ParsedType() != StepType.ParallelSplit)
            {
                continue;
            }

            var writes = split.Branches.Select(start => Writes(BranchSteps(start, steps), context.Catalog)).ToList();
            var reported = new HashSet<string>(StringComparer.Ordinal);
            for (var later = 1; later < writes.Count; later++)
            {
                for (var earlier = 0; earlier < later; earlier++)
                {
                    foreach (var (key, laterStep) in writes[later])
                    {
                        if (writes[earlier].TryGetValue(key, out var earlierStep) && earlierStep != laterStep && reported.Add(key))
                        {
                            context.Warn(
                                JsonPath.Root.Property("steps").Index(i).Property("branches").Index(later),
                                "process.parallelWriteConflict",
                                $"Steps '{earlierStep}' and '{laterStep}' run in parallel branches of '{split.Key}' and both write the data key '{key}'; the branch that completes last wins (the event log keeps both values). Write to different keys (e.g. '{earlierStep}.{key}'), or move one step after the join if the order matters.");
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The steps of one branch: everything reachable from its first step up to the join that closes the split. A nested
    /// split's join closes the nested split (the runtime joins innermost first), so the walk counts the nesting depth.
    /// </summary>
    private static List<StepDefinition> BranchSteps(string start, Dictionary<string, StepDefinition> steps)
    {
        var found = new List<StepDefinition>();
        var seen = new HashSet<(string, int)>();
        var pending = new Stack<(string Key, int Depth)>();
        pending.Push((start, 0));
        while (pending.TryPop(out var at))
        {
            if (!seen.Add(at) || at.Depth > steps.Count || !steps.TryGetValue(at.Key, out var step))
            {
                continue;
            }

            var depth = at.Depth;
            switch (step.ParsedType())
            {
                case StepType.ParallelJoin when depth == 0:
                    continue;
                case StepType.ParallelJoin:
                    depth--;
                    break;
                case StepType.ParallelSplit:
                    depth++;
                    break;
            }

            found.Add(step);
            foreach (var target in step.Targets())
            {
                pending.Push((target, depth));
            }
        }

        return found;
    }

    /// <summary>Top-level data key → the first step found on the walk from the branch's start that writes it.</summary>
    private static Dictionary<string, string> Writes(List<StepDefinition> branch, IDefinitionCatalog catalog)
    {
        var writes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in branch)
        {
            var form = step.Form is { } key ? catalog.FindForm(key) : null;
            var formKeys = form?.Fields
                .Where(f => f.ParsedType() is { } type && type != FieldType.Static)
                .Select(f => f.Key) ?? [];
            var setKeys = step.Set.Select(s => s.Path.Split('.')[0]);
            foreach (var written in formKeys.Concat(setKeys).Where(k => k.Length > 0))
            {
                writes.TryAdd(written, step.Key);
            }
        }

        return writes;
    }
}
