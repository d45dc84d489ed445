using LowCode.Rules.Builders;
using LowCode.Rules.Compilation;
using LowCode.Rules.Errors;
using LowCode.Rules.Model;

namespace LowCode.Rules.Tests.Compilation;

public sealed class AgendaAttributeErrorsTests
{
    [Fact]
    public void Compile_WithBadGroupsTagsAndFilters_ReportsEachWithItsLocation()
    {
        var definition = new RuleSetBuilder("bad-agenda")
            .Rule("Blank group", r => r.AgendaGroup(" ").Match("o", "Order"))
            .Rule("Blank tag", r => r.Tags("audit", "").Match("o", "Order"))
            .Rule("Unknown key", r => r.Match("o", "Order").OnChange("order.status"))
            .Rule("No keys", r => r.Match("o", "Order").Add(new ChangeFilter([])))
            .Rule("Unnamed predicate", r => r.Match("o", "Order").Filter("", _ => true))
            .Rule("Expression without evaluator", r => r.Match("o", "Order").FilterWhere("o.amount > 1"))
            .Build();

        var error = Assert.Throws<RuleCompilationException>(() => RuleSetCompiler.Compile(definition));

        Assert.Equal(
            [
                (0, "agendaGroup"),
                (1, "tags[1]"),
                (2, "filters[0].keys[0]"),
                (3, "filters[0].keys"),
                (4, "filters[0].name"),
                (5, "filters[0].expression"),
            ],
            error.Errors.Select(e => (e.RuleIndex, e.Location)));
        Assert.Contains("variables bound here are: o", error.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_WithARuleInTheMainGroupByName_PutsItInTheMainGroup()
    {
        var rules = new RuleSetBuilder("main-by-name")
            .Rule("Explicit", r => r.AgendaGroup(AgendaGroups.Main).Match("o", "Order").Emit("explicit"))
            .Compile();
        var session = rules.CreateSession();
        session.Insert(Support.TestFacts.Make("Order"));

        session.Fire();

        Assert.Equal([AgendaGroups.Main], rules.AgendaGroups);
        Assert.Equal(["explicit"], session.Outputs.Select(o => o.Name));
    }
}
