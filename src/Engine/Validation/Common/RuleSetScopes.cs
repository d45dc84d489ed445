using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;

namespace LowCode.Engine.Validation.Common;

/// <summary>
/// What a rule set's expressions may read, as <see cref="RuleSetMapper"/> and <see cref="SandboxRuleExpressions"/>
/// lay them out at run time. Every rule binds <c>event</c> and then <c>data</c>, then one variable per other fact its
/// structured conditions test (<c>task</c>, <c>instance</c>, <c>exception</c>), then its not/exists elements:
/// <list type="bullet">
/// <item>a condition's expression belongs to the <c>data</c> pattern: the data's fields, <c>event</c> and <c>data</c>;</item>
/// <item>an expression in a not/exists <c>where</c> also sees the facts bound before it and the tested fact's fields;</item>
/// <item>an action's expression sees the data's fields and every fact the rule binds.</item>
/// </list>
/// The data is the instance data: the fields of the forms the processes using the rule set show, plus what their
/// script steps and this rule set's setData actions write. When that is not known (no process uses the rule set, or
/// the catalog cannot provide one of their forms) nothing is checked: a guess would flag good expressions. Expressions
/// the rules engine only carries for the process runtime (assignee expressions, webhook bodies) are not checked.
/// </summary>
internal static class RuleSetScopes
{
    private static readonly Dictionary<string, string[]> FactFields = new(StringComparer.Ordinal)
    {
        // As RoutingDecider inserts them; instance and exception facts come from the caller, with fields unknown here.
        [RoutingFacts.Event] = ["type", "step", "outcome"],
        [RoutingFacts.Task] = ["step", "outcome"],
    };

    /// <summary>
    /// The scope of each checkable expression of <paramref name="ruleSet"/> as used by <paramref name="processes"/>,
    /// by the JSON path <see cref="ExpressionLocations"/> gives it (null for the others); null when the instance data
    /// is not known.
    /// </summary>
    public static Func<string, NameScope?>? Of(RuleSetDefinition ruleSet, IReadOnlyList<ProcessDefinition> processes, IDefinitionCatalog catalog)
    {
        if (InstanceData(ruleSet, processes, catalog) is not { } data)
        {
            return null;
        }

        var scopes = new Dictionary<string, NameScope>(StringComparer.Ordinal);
        for (var i = 0; i < ruleSet.Rules.Length; i++)
        {
            var rule = ruleSet.Rules[i];
            var at = JsonPath.Root.Property("rules").Index(i);
            var bound = BoundFacts(rule);
            var dataPattern = Scope(data, [RoutingFacts.Event, RoutingFacts.Data], null);
            for (var j = 0; j < rule.When.Length; j++)
            {
                var condition = rule.When[j];
                var conditionAt = at.Property("when").Index(j);
                scopes[conditionAt.Property("expression")] = dataPattern;
                foreach (var (name, pattern) in new[] { ("not", condition.Not), ("exists", condition.Exists) })
                {
                    if (pattern is not null && Candidate(pattern.Fact, data) is { } candidate)
                    {
                        var scope = Scope(data, bound, (pattern.Fact, candidate));
                        for (var k = 0; k < pattern.Where.Length; k++)
                        {
                            scopes[conditionAt.Property(name).Property("where").Index(k).Property("expression")] = scope;
                        }
                    }
                }
            }

            var everything = Scope(data, bound, null);
            for (var j = 0; j < rule.Then.Length; j++)
            {
                scopes[at.Property("then").Index(j).Property("expression")] = everything;
            }
        }

        return scopes.GetValueOrDefault;
    }

    private sealed record Data(HashSet<string> Names, Dictionary<string, string> Notes, string Origin);

    /// <summary>The union over every process using the rule set, so a name any of them provides passes; null when unknown.</summary>
    private static Data? InstanceData(RuleSetDefinition ruleSet, IReadOnlyList<ProcessDefinition> processes, IDefinitionCatalog catalog)
    {
        if (processes.Count == 0)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var process in processes)
        {
            foreach (var step in process.Steps)
            {
                if (step.Form is { } key)
                {
                    if (catalog.FindForm(key) is not { } form)
                    {
                        return null;
                    }

                    var fields = FormScopes.Data(form.Fields);
                    names.UnionWith(fields.Names);
                    foreach (var (name, note) in fields.Notes)
                    {
                        notes.TryAdd(name, $"{note[..^1]} (form '{form.Key}').");
                    }
                }

                names.UnionWith(step.Set.Select(s => TopName(s.Path)));
            }
        }

        names.UnionWith(ruleSet.Rules.SelectMany(r => r.Then).Where(a => a.Type == ActionTypes.SetData && a.Path is not null).Select(a => TopName(a.Path!)));
        var origin = processes.Count == 1 ? $"process '{processes[0].Key}'" : $"the processes {string.Join(", ", processes.Select(p => $"'{p.Key}'"))}";
        return new Data(names, notes, origin);
    }

    private static string TopName(string path) => path.Split('.')[0];

    private static string[]? Candidate(string fact, Data data) =>
        fact == RoutingFacts.Data ? [.. data.Names] : FactFields.GetValueOrDefault(fact);

    /// <summary><c>event</c>, <c>data</c>, then the facts the rule's structured conditions test, as RuleSetMapper binds them.</summary>
    private static List<string> BoundFacts(RuleDefinition rule)
    {
        var bound = new List<string> { RoutingFacts.Event, RoutingFacts.Data };
        foreach (var condition in rule.When)
        {
            if (condition is { Expression: null, Not: null, Exists: null, Fact: { } fact } && !bound.Contains(fact, StringComparer.Ordinal))
            {
                bound.Add(fact);
            }
        }

        return bound;
    }

    private static NameScope Scope(Data data, IReadOnlyList<string> bound, (string Fact, string[] Fields)? candidate)
    {
        var names = data.Names.Concat(bound).Concat(candidate?.Fields ?? []).ToHashSet(StringComparer.Ordinal);
        var tested = candidate is { } c && c.Fact != RoutingFacts.Data ? $"a field of the tested '{c.Fact}' fact ({string.Join(", ", c.Fields)}), " : string.Empty;
        var description = $"{tested}a data field of {data.Origin} (its forms' fields and what its steps and rules set) or a fact bound here ({string.Join(", ", bound)})";
        return new NameScope(description, names, data.Notes.Where(n => !names.Contains(n.Key)).ToDictionary(StringComparer.Ordinal));
    }
}
