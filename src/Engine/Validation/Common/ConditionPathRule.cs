using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;

namespace LowCode.Engine.Validation.Common;

/// <summary>
/// A structured condition's <c>path</c> must name a field its fact has, so <c>{ "path": "totl", ... }</c> fails at
/// save time like the expression <c>totl &gt; 1000</c> does, instead of silently never matching. The data's fields
/// are those <see cref="RuleSetScopes"/> gives a condition's expression (so both checks run in the same places: the
/// rule set saved while a process binds it, and a process binding it saved); only the first segment of a dotted path
/// is checked, since what lies inside a group or a map is not known field by field. <c>event</c> and <c>task</c>
/// facts have fixed fields; <c>instance</c> and <c>exception</c> fields are not known at save time and pass.
/// </summary>
internal sealed class ConditionPathRule : DefinitionRule<IDefinition>
{
    /// <summary>Up to this many fields are listed in the message; past it the list would hide the point.</summary>
    private const int MaxListed = 15;

    /// <summary>The fields RoutingDecider gives the facts it builds itself.</summary>
    private static readonly Dictionary<string, string[]> FixedFields = new(StringComparer.Ordinal)
    {
        [RoutingFacts.Event] = ["type", "step", "outcome"],
        [RoutingFacts.Task] = ["step", "outcome"],
    };

    /// <summary>Names a condition's expression scope holds that are facts, not data fields.</summary>
    private static readonly string[] BoundFacts = [RoutingFacts.Event, RoutingFacts.Data];

    protected override void Check(IDefinition definition, RuleContext context)
    {
        switch (definition)
        {
            case RuleSetDefinition ruleSet when RuleSetScopes.Of(ruleSet, context.Catalog.ProcessesUsing(ruleSet.Key), context.Catalog) is { } scopes:
                Report(ruleSet, scopes, context, (path, message) => (path, message));
                break;
            case ProcessDefinition process when process.RuleSet is { } key && context.Catalog.FindRuleSet(key) is { } routing:
                // Checked from this side too: the usual load order saves a rule set before any process uses it.
                var processes = context.Catalog.ProcessesUsing(key).Where(p => p.Key != process.Key).Append(process).ToList();
                if (RuleSetScopes.Of(routing, processes, context.Catalog) is { } routingScopes)
                {
                    Report(routing, routingScopes, context, (path, message) => ("$.ruleSet", $"Rule set '{key}' at {path}: {message}"));
                }

                break;
        }
    }

    private static void Report(RuleSetDefinition ruleSet, Func<string, NameScope?> scopeAt, RuleContext context, Func<string, string, (string Path, string Message)> place)
    {
        for (var i = 0; i < ruleSet.Rules.Length; i++)
        {
            var when = ruleSet.Rules[i].When;
            var whenAt = JsonPath.Root.Property("rules").Index(i).Property("when");
            for (var j = 0; j < when.Length; j++)
            {
                var at = whenAt.Index(j);
                if (scopeAt(at.Property("expression")) is not { } dataScope)
                {
                    continue;
                }

                var condition = when[j];
                Check(condition, condition.Fact ?? RoutingFacts.Data, at, dataScope, context, place);
                foreach (var (name, pattern) in new[] { ("not", condition.Not), ("exists", condition.Exists) })
                {
                    for (var k = 0; pattern is not null && k < pattern.Where.Length; k++)
                    {
                        Check(pattern.Where[k], pattern.Fact, at.Property(name).Property("where").Index(k), dataScope, context, place);
                    }
                }
            }
        }
    }

    private static void Check(
        ConditionDefinition condition,
        string fact,
        string at,
        NameScope dataScope,
        RuleContext context,
        Func<string, string, (string Path, string Message)> place)
    {
        if (condition is not { Expression: null, Not: null, Exists: null, Path: { } path } || string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var (fields, notes, owner) = fact switch
        {
            RoutingFacts.Data => (dataScope.Names.Except(BoundFacts, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal), dataScope.Notes,
                "a field of the instance data (the fields of the forms of the processes using this rule set, and what their steps and rules set)"),
            _ when FixedFields.TryGetValue(fact, out var known) => (known.ToHashSet(StringComparer.Ordinal), new Dictionary<string, string>(), $"a field of the '{fact}' fact"),
            _ => (null, null, string.Empty),
        };
        var head = Head(path);
        if (fields is null || fields.Contains(head))
        {
            return;
        }

        var message = $"'{head}' is not {owner}, so this condition would never hold.";
        if (notes!.TryGetValue(head, out var note))
        {
            message += " " + note;
        }

        message += KeyFormat.Suggest(head, fields) is { } suggestion
            ? $" Did you mean '{suggestion}'?"
            : " Correct the path, or add the field it should read.";
        if (fields.Count > 0 && fields.Count <= MaxListed)
        {
            message += $" Available: {string.Join(", ", fields.Order(StringComparer.Ordinal))}.";
        }

        var (reportAt, text) = place(at.Property("path"), message);
        context.Report(reportAt, "condition.unknownPath", text);
    }

    /// <summary>The top-level field a path reads: <c>customer</c> of <c>customer.address.country</c> or <c>lines[0].amount</c>.</summary>
    private static string Head(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return (end < 0 ? path : path[..end]).Trim();
    }
}
