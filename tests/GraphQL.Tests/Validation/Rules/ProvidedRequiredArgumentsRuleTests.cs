using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class ProvidedRequiredArgumentsRuleTests
{
    [Fact]
    public void Provided_IsValid() =>
        RuleAssert.Valid<ProvidedRequiredArgumentsRule>("{ human(id: \"1\") { name } starships { length } }");

    [Fact]
    public void MissingFieldArgument_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<ProvidedRequiredArgumentsRule>(
            "{ human { name } }",
            ("Field \"human\" argument \"id\" of type \"ID!\" is required, but it was not provided.", [(1, 3)]));

    [Fact]
    public void MissingDirectiveArgument_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<ProvidedRequiredArgumentsRule>(
            "{ hero @include { name } }",
            ("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", [(1, 8)]));
}
