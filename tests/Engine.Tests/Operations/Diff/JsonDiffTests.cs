using LowCode.Engine.Operations.Diff;

namespace LowCode.Engine.Tests.Operations.Diff;

public sealed class JsonDiffTests
{
    [Fact]
    public void EqualDocuments_HaveNoChanges()
    {
        Assert.Empty(JsonDiff.Compare("""{ "a": [1, { "b": null }] }""", """{ "a": [1, { "b": null }] }"""));
    }

    [Fact]
    public void PropertiesAddedRemovedAndChanged_AreReportedByPathWithTheirValues()
    {
        var changes = JsonDiff.Compare("""{ "name": "A", "old": 1, "nested": { "x": 1 } }""", """{ "name": "B", "nested": { "x": 1, "y": [2] } }""");

        Assert.Equal(
            [("$.name", DiffChange.Changed), ("$.old", DiffChange.Removed), ("$.nested.y", DiffChange.Added)],
            changes.Select(c => (c.Path, c.Change)));
        Assert.Equal(("\"A\"", "\"B\""), (changes[0].Before!.Value.GetRawText(), changes[0].After!.Value.GetRawText()));
        Assert.Null(changes[1].After);
        Assert.Null(changes[2].Before);
    }

    [Fact]
    public void ARuleInsertedAtTheFront_IsOneAddition_NotAChangeOfEveryRuleAfterIt()
    {
        var changes = JsonDiff.Compare(
            """{ "rules": [ { "name": "a", "when": [1] }, { "name": "b", "when": [2] } ] }""",
            """{ "rules": [ { "name": "new", "when": [0] }, { "name": "a", "when": [1] }, { "name": "b", "when": [3] } ] }""");

        Assert.Equal([("$.rules[0]", DiffChange.Added), ("$.rules[2].when[0]", DiffChange.Changed)], changes.Select(c => (c.Path, c.Change)));
    }

    [Fact]
    public void ARemovedIdentifiedItem_IsNamedByItsIndexInTheEarlierDocument_AndAReorderIsNoChange()
    {
        var changes = JsonDiff.Compare(
            """{ "steps": [ { "key": "x" }, { "key": "y" }, { "key": "z" } ] }""",
            """{ "steps": [ { "key": "z" }, { "key": "x" } ] }""");

        Assert.Equal([("$.steps[1]", DiffChange.Removed)], changes.Select(c => (c.Path, c.Change)));
    }

    [Fact]
    public void ArraysWithoutAUniqueIdentity_AreComparedByIndex()
    {
        var changes = JsonDiff.Compare("""{ "l": [ { "name": "a" }, { "name": "a" } ] }""", """{ "l": [ { "name": "a" } ] }""");

        Assert.Equal([("$.l[1]", DiffChange.Removed)], changes.Select(c => (c.Path, c.Change)));
    }

    [Fact]
    public void APropertyNameThatIsNotAnIdentifier_IsBracketed()
    {
        var change = Assert.Single(JsonDiff.Compare("""{ "a b": 1 }""", """{ "a b": 2 }"""));

        Assert.Equal("$['a b']", change.Path);
    }
}
