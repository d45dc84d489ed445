using LowCode.Engine.Validation;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation;

public sealed class DefinitionCatalogTests
{
    [Fact]
    public void Catalog_KnowsTheFormsAndRuleSetsAddedToIt()
    {
        var rules = RuleSet("[]", key: "routing");
        var catalog = Catalog(Form("""[ { "key": "a", "type": "text" } ]"""), rules);

        Assert.True(catalog.HasForm("test-form"));
        Assert.False(catalog.HasForm("routing"));
        Assert.True(catalog.HasRuleSet("routing"));
        Assert.Same(rules, catalog.FindRuleSet("routing"));
        Assert.Null(catalog.FindRuleSet("other"));
    }

    [Fact]
    public void ProcessesUsing_ListsOnlyProcessesBoundToThatRuleSet()
    {
        var routed = Process("""[ { "key": "done", "type": "end" } ]""", "routing");
        var other = Process("""[ { "key": "done", "type": "end" } ]""", "other") with { Key = "other-process" };
        var catalog = Catalog(routed, other);

        Assert.Equal([routed], catalog.ProcessesUsing("routing"));
        Assert.Empty(catalog.ProcessesUsing("unused"));
    }

    [Fact]
    public void AddingTheSameKeyAgain_ReplacesTheEarlierDefinition()
    {
        var first = RuleSet("[]", key: "routing");
        var second = first with { Name = "Second" };

        var catalog = Catalog(first, second);

        Assert.Same(second, catalog.FindRuleSet("routing"));
    }

    [Fact]
    public void EmptyCatalog_KnowsNothing()
    {
        Assert.False(DefinitionCatalog.Empty.HasForm("test-form"));
        Assert.False(DefinitionCatalog.Empty.HasRuleSet("routing"));
        Assert.Empty(DefinitionCatalog.Empty.ProcessesUsing("routing"));
    }
}
