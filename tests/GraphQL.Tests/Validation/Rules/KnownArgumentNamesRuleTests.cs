using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class KnownArgumentNamesRuleTests
{
    [Fact]
    public void KnownArguments_IsValid() =>
        RuleAssert.Valid<KnownArgumentNamesRule>("{ human(id: \"1\") { name } hero @skip(if: false) { id } }");

    [Fact]
    public void UnknownFieldArgument_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<KnownArgumentNamesRule>(
            "{ human(di: \"1\") { name } }",
            ("Unknown argument \"di\" on field \"Query.human\". Did you mean \"id\"?", [(1, 9)]));

    [Fact]
    public void UnknownDirectiveArgument_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<KnownArgumentNamesRule>(
            "{ hero @skip(unless: true) { name } }",
            ("Unknown argument \"unless\" on directive \"@skip\".", [(1, 14)]));
}
