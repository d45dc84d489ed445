using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation;

/// <summary>
/// The other definitions a definition may refer to. Saving a draft checks against drafts and published versions;
/// publishing checks against published versions only, so a published process never names an unpublished form.
/// </summary>
public interface IDefinitionCatalog
{
    bool HasForm(string key);

    bool HasRuleSet(string key);

    /// <summary>
    /// The form with this key, if the catalog can provide it. Checks that need a form's fields (which names a rule
    /// expression may read) are skipped when it cannot, so a catalog that only knows keys keeps working.
    /// </summary>
    FormDefinition? FindForm(string key) => null;

    /// <summary>The rule set a process would bind to, if there is one.</summary>
    RuleSetDefinition? FindRuleSet(string key);

    /// <summary>Processes that route with the rule set <paramref name="ruleSetKey"/>.</summary>
    IReadOnlyList<ProcessDefinition> ProcessesUsing(string ruleSetKey);
}
