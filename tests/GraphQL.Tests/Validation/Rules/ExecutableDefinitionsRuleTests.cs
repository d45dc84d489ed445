using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class ExecutableDefinitionsRuleTests
{
    [Fact]
    public void OnlyOperationsAndFragments_IsValid() =>
        RuleAssert.Valid<ExecutableDefinitionsRule>("{ hero { ...F } }\nfragment F on Character { name }");

    [Fact]
    public void TypeDefinition_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<ExecutableDefinitionsRule>(
            "{ hero { name } }\ntype Foo { a: Int }",
            ("The \"Foo\" definition is not executable.", [(2, 1)]));

    [Fact]
    public void SchemaExtension_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<ExecutableDefinitionsRule>(
            "extend schema @foo\nquery { hero { name } }",
            ("The schema definition is not executable.", [(1, 1)]));
}
