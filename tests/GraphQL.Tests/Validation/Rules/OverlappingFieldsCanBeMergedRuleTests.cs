using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class OverlappingFieldsCanBeMergedRuleTests
{
    [Fact]
    public void SameFieldTwice_IsValid() =>
        RuleAssert.Valid<OverlappingFieldsCanBeMergedRule>("{ hero { name name ... on Droid { name } } }");

    [Fact]
    public void DifferentFields_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<OverlappingFieldsCanBeMergedRule>(
            "{ hero { x: name x: id } }",
            ("Fields \"x\" conflict because \"name\" and \"id\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 10), (1, 18)]));

    [Fact]
    public void DifferentArguments_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<OverlappingFieldsCanBeMergedRule>(
            "{ human(id: \"1\") { id } human(id: \"2\") { id } }",
            ("Fields \"human\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", [(1, 3), (1, 25)]));
}
