using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class ScalarLeafsRuleTests
{
    [Fact]
    public void LeavesAndObjects_IsValid() =>
        RuleAssert.Valid<ScalarLeafsRule>("{ hero { name friends { id } } }");

    [Fact]
    public void ObjectWithoutSelection_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<ScalarLeafsRule>(
            "{ hero }",
            ("Field \"hero\" of type \"Character\" must have a selection of subfields. Did you mean \"hero { ... }\"?", [(1, 3)]));

    [Fact]
    public void ScalarWithSelection_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<ScalarLeafsRule>(
            "{ hero { name { x } } }",
            ("Field \"name\" must not have a selection since type \"String\" has no subfields.", [(1, 15)]));
}
