using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation;

/// <summary>An in-memory catalog, for tests, tools and the seed loader's dry run.</summary>
public sealed class DefinitionCatalog : IDefinitionCatalog
{
    private readonly Dictionary<string, FormDefinition> _forms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuleSetDefinition> _ruleSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProcessDefinition> _processes = new(StringComparer.Ordinal);

    /// <summary>A catalog that knows nothing: every reference fails. Use it to check a definition on its own.</summary>
    public static IDefinitionCatalog Empty { get; } = new DefinitionCatalog();

    public DefinitionCatalog Add(IDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        switch (definition)
        {
            case FormDefinition form:
                _forms[form.Key] = form;
                break;
            case RuleSetDefinition ruleSet:
                _ruleSets[ruleSet.Key] = ruleSet;
                break;
            case ProcessDefinition process:
                _processes[process.Key] = process;
                break;
        }

        return this;
    }

    public bool HasForm(string key) => _forms.ContainsKey(key);

    public bool HasRuleSet(string key) => _ruleSets.ContainsKey(key);

    public FormDefinition? FindForm(string key) => _forms.GetValueOrDefault(key);

    public RuleSetDefinition? FindRuleSet(string key) => _ruleSets.GetValueOrDefault(key);

    public IReadOnlyList<ProcessDefinition> ProcessesUsing(string ruleSetKey) =>
        [.. _processes.Values.Where(p => string.Equals(p.RuleSet, ruleSetKey, StringComparison.Ordinal))];
}
