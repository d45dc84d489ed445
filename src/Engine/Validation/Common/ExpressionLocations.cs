using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Common;

/// <summary>Every expression a definition holds, with its JSON path: the one place that knows where expressions live.</summary>
internal static class ExpressionLocations
{
    public static IEnumerable<(string Path, string Source)> Of(IDefinition definition)
    {
        var own = definition switch
        {
            FormDefinition form => OfForm(form),
            ProcessDefinition process => OfProcess(process),
            RuleSetDefinition ruleSet => OfRuleSet(ruleSet),
            _ => [],
        };
        return own.Concat(OfAssigneesAndWebhooks(definition));
    }

    private static IEnumerable<(string, string)> OfForm(FormDefinition form)
    {
        foreach (var item in OfFields(form.Fields, JsonPath.Root.Property("fields")))
        {
            yield return item;
        }

        for (var i = 0; i < form.Validations.Length; i++)
        {
            yield return (JsonPath.Root.Property("validations").Index(i).Property("expression"), form.Validations[i].Expression);
        }
    }

    private static IEnumerable<(string, string)> OfFields(IReadOnlyList<FieldDefinition> fields, string path)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var at = path.Index(i);
            if (field.VisibleWhen is { } v)
            {
                yield return (at.Property("visibleWhen"), v);
            }

            if (field.RequiredWhen is { } r)
            {
                yield return (at.Property("requiredWhen"), r);
            }

            if (field.ReadonlyWhen is { } ro)
            {
                yield return (at.Property("readonlyWhen"), ro);
            }

            if (field.Computed is { } c)
            {
                yield return (at.Property("computed"), c);
            }

            foreach (var child in OfFields(field.Fields, at.Property("fields")))
            {
                yield return child;
            }
        }
    }

    private static IEnumerable<(string, string)> OfProcess(ProcessDefinition process)
    {
        foreach (var (at, step) in DefinitionParts.Steps(process))
        {
            for (var j = 0; j < step.Set.Length; j++)
            {
                yield return (at.Property("set").Index(j).Property("expression"), step.Set[j].Expression);
            }

            if (step.Until is { } until)
            {
                yield return (at.Property("until"), until);
            }
        }
    }

    private static IEnumerable<(string, string)> OfAssigneesAndWebhooks(IDefinition definition)
    {
        foreach (var (at, assignee) in DefinitionParts.Assignees(definition))
        {
            if (assignee.Expression is { } e)
            {
                yield return (at.Property("expression"), e);
            }

            if (assignee.External?.Email is { } email)
            {
                yield return (at.Property("external").Property("email"), email);
            }
        }

        foreach (var (at, webhook) in DefinitionParts.Webhooks(definition))
        {
            if (webhook.Body is { } body)
            {
                yield return (at.Property("body"), body);
            }
        }
    }

    private static IEnumerable<(string, string)> OfRuleSet(RuleSetDefinition ruleSet)
    {
        for (var i = 0; i < ruleSet.Rules.Length; i++)
        {
            foreach (var item in OfConditions(ruleSet.Rules[i].When, JsonPath.Root.Property("rules").Index(i).Property("when")))
            {
                yield return item;
            }
        }

        foreach (var (at, action, _) in DefinitionParts.Actions(ruleSet))
        {
            if (action.Expression is { } e)
            {
                yield return (at.Property("expression"), e);
            }
        }
    }

    private static IEnumerable<(string, string)> OfConditions(IReadOnlyList<ConditionDefinition> conditions, string path)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            var condition = conditions[i];
            var at = path.Index(i);
            if (condition.Expression is { } e)
            {
                yield return (at.Property("expression"), e);
            }

            if (condition.Not is { } not)
            {
                foreach (var item in OfConditions(not.Where, at.Property("not").Property("where")))
                {
                    yield return item;
                }
            }

            if (condition.Exists is { } exists)
            {
                foreach (var item in OfConditions(exists.Where, at.Property("exists").Property("where")))
                {
                    yield return item;
                }
            }
        }
    }
}
