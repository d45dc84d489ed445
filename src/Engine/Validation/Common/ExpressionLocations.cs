using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Common;

/// <summary>Every expression a definition holds, with its JSON path: the one place that knows where expressions live.</summary>
internal static class ExpressionLocations
{
    public static IEnumerable<(string Path, string Source)> Of(IDefinition definition) => definition switch
    {
        FormDefinition form => OfForm(form),
        ProcessDefinition process => OfProcess(process),
        RuleSetDefinition ruleSet => OfRuleSet(ruleSet),
        _ => [],
    };

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
        for (var i = 0; i < process.Steps.Length; i++)
        {
            var step = process.Steps[i];
            var at = JsonPath.Root.Property("steps").Index(i);
            for (var j = 0; j < step.Set.Length; j++)
            {
                yield return (at.Property("set").Index(j).Property("expression"), step.Set[j].Expression);
            }

            if (step.Until is { } until)
            {
                yield return (at.Property("until"), until);
            }

            if (step.Webhook?.Body is { } body)
            {
                yield return (at.Property("webhook").Property("body"), body);
            }

            foreach (var item in OfAssignee(step.Assignee, at.Property("assignee")))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<(string, string)> OfAssignee(AssigneeDefinition? assignee, string at)
    {
        if (assignee?.Expression is { } e)
        {
            yield return (at.Property("expression"), e);
        }

        if (assignee?.External?.Email is { } email)
        {
            yield return (at.Property("external").Property("email"), email);
        }
    }

    private static IEnumerable<(string, string)> OfRuleSet(RuleSetDefinition ruleSet)
    {
        for (var i = 0; i < ruleSet.Rules.Length; i++)
        {
            var rule = ruleSet.Rules[i];
            var at = JsonPath.Root.Property("rules").Index(i);
            foreach (var item in OfConditions(rule.When, at.Property("when")))
            {
                yield return item;
            }

            for (var j = 0; j < rule.Then.Length; j++)
            {
                var action = rule.Then[j];
                var actionAt = at.Property("then").Index(j);
                if (action.Expression is { } e)
                {
                    yield return (actionAt.Property("expression"), e);
                }

                if (action.Webhook?.Body is { } body)
                {
                    yield return (actionAt.Property("webhook").Property("body"), body);
                }

                foreach (var item in OfAssignee(action.Assignee, actionAt.Property("assignee")))
                {
                    yield return item;
                }
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
