using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class UniqueInputFieldNamesRuleTests
{
    [Fact]
    public void Distinct_IsValid() =>
        RuleAssert.Valid<UniqueInputFieldNamesRule>("{ echo(input: {text: \"a\", count: 1}) { text } }");

    [Fact]
    public void Duplicate_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<UniqueInputFieldNamesRule>(
            "{ echo(input: {text: \"a\", text: \"b\"}) { text } }",
            ("There can be only one input field named \"text\".", [(1, 16), (1, 27)]));
}
