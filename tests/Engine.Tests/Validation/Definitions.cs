using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;

namespace LowCode.Engine.Tests.Validation;

/// <summary>Small definitions for rule tests, written as the JSON authors write, around the part a test is about.</summary>
internal static class Definitions
{
    public static FormDefinition Form(string fieldsJson, string? validationsJson = null) =>
        Parse<FormDefinition>($$"""{ "key": "test-form", "name": "Test form", "fields": {{fieldsJson}}{{(validationsJson is null ? "" : $", \"validations\": {validationsJson}")}} }""");

    public static ProcessDefinition Process(string stepsJson, string? ruleSet = null, string? extraJson = null) =>
        Parse<ProcessDefinition>($$"""{ "key": "test-process", "name": "Test process", "steps": {{stepsJson}}{{(ruleSet is null ? "" : $", \"ruleSet\": \"{ruleSet}\"")}}{{(extraJson is null ? "" : ", " + extraJson)}} }""");

    public static RuleSetDefinition RuleSet(string rulesJson, string key = "test-rules") =>
        Parse<RuleSetDefinition>($$"""{ "key": "{{key}}", "name": "Test rules", "rules": {{rulesJson}} }""");

    /// <summary>A rule set with one rule whose conditions are <paramref name="whenJson"/>.</summary>
    public static RuleSetDefinition When(string whenJson) =>
        RuleSet($$"""[ { "name": "r", "when": {{whenJson}}, "then": [ { "type": "goTo", "step": "done" } ] } ]""");

    /// <summary>A rule set with one rule whose actions are <paramref name="thenJson"/>.</summary>
    public static RuleSetDefinition Then(string thenJson) =>
        RuleSet($$"""[ { "name": "r", "then": {{thenJson}} } ]""");

    public static T Parse<T>(string json)
        where T : class, IDefinition => DefinitionJson.Parse<T>(json)!;

    public static DefinitionCatalog Catalog(params IDefinition[] definitions)
    {
        var catalog = new DefinitionCatalog();
        foreach (var definition in definitions)
        {
            catalog.Add(definition);
        }

        return catalog;
    }
}
