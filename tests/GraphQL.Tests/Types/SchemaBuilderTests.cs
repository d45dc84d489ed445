using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Tests.Types;

public sealed class SchemaBuilderTests
{
    private static SchemaBuildException BuildFails(SchemaBuilder builder) => Assert.Throws<SchemaBuildException>(builder.Build);

    [Fact]
    public void Build_WithUnknownType_ReportsItWithLineColumnAndSuggestion()
    {
        var error = Assert.Single(BuildFails(SchemaBuilder.FromSdl("type Query {\n  a: Strin\n}")).Errors);
        Assert.Equal("Unknown type \"Strin\". Did you mean \"String\"?", error.Message);
        Assert.Equal([new SourceLocation(2, 6)], error.Locations);
    }

    [Fact]
    public void Build_WithSyntaxError_ReportsTheSyntaxError()
    {
        var error = Assert.Single(BuildFails(SchemaBuilder.FromSdl("type Query { a: }")).Errors);
        Assert.Equal("Syntax Error: Expected Name, found \"}\".\n1 | type Query { a: }\n                    ^", error.Message);
    }

    [Fact]
    public void Build_WithoutQueryType_Fails() =>
        Assert.Contains(BuildFails(SchemaBuilder.FromSdl("type Foo { a: Int }")).Errors, e => e.Message == "Query root type must be provided.");

    [Fact]
    public void Build_WithDuplicateTypesAndFields_ListsEveryProblem()
    {
        var errors = BuildFails(SchemaBuilder.FromSdl("type Query { a: Int a: Int }\ntype Query { b: Int }")).Errors.Select(e => e.Message).ToList();
        Assert.Contains("There can be only one type named \"Query\".", errors);
        Assert.Contains("Field \"Query.a\" can only be defined once.", errors);
    }

    [Fact]
    public void Build_WithInterfaceNotImplemented_Fails()
    {
        var errors = BuildFails(SchemaBuilder.FromSdl("interface Node { id: ID! }\ntype Query implements Node { a: Int }")).Errors;
        Assert.Contains(errors, e => e.Message == "Interface field Node.id expected but Query does not provide it.");
    }

    [Fact]
    public void Build_WithWrongFieldTypeForInterface_Fails()
    {
        var errors = BuildFails(SchemaBuilder.FromSdl("interface Node { id: ID! }\ntype Query implements Node { id: String }")).Errors;
        Assert.Contains(errors, e => e.Message == "Interface field Node.id expects type ID! but Query.id is type String.");
    }

    [Fact]
    public void Build_WithInputTypeAsOutputAndReservedNames_Fails()
    {
        var errors = BuildFails(SchemaBuilder.FromSdl("input In { a: Int }\ntype Query { a: In __b: Int }")).Errors.Select(e => e.Message).ToList();
        Assert.Contains("The type of Query.a must be Output Type but got: In.", errors);
        Assert.Contains("Name \"__b\" must not begin with \"__\", which is reserved by GraphQL introspection.", errors);
    }

    [Fact]
    public void Build_WithNonNullInputCycle_Fails()
    {
        var errors = BuildFails(SchemaBuilder.FromSdl("input A { b: B! }\ninput B { a: A! }\ntype Query { f(a: A): Int }")).Errors;
        Assert.Contains(errors, e => e.Message.StartsWith("Cannot reference Input Object \"A\" within itself through a series of non-null fields", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WithOneOfFieldNonNull_Fails()
    {
        var errors = BuildFails(SchemaBuilder.FromSdl("input A @oneOf { a: Int! b: Int }\ntype Query { f(a: A): Int }")).Errors;
        Assert.Contains(errors, e => e.Message == "OneOf input field A.a must be nullable.");
    }

    [Fact]
    public void Build_WithBindingToMissingField_Fails()
    {
        var error = Assert.Single(BuildFails(SchemaBuilder.FromSdl("type Query { hello: String }").Resolve("Query", "helo", _ => "x")).Errors);
        Assert.Equal("Cannot bind a resolver to \"Query.helo\": type \"Query\" has no field \"helo\". Did you mean \"hello\"?", error.Message);
    }

    [Fact]
    public void Build_WithInvalidDefaultValue_Fails()
    {
        var error = Assert.Single(BuildFails(SchemaBuilder.FromSdl("type Query { f(a: Int = \"x\"): Int }")).Errors);
        Assert.Equal("Query.f(a:) has invalid default value: \"x\".", error.Message);
    }

    [Fact]
    public void Build_AppliesExtensionsFromSeveralSdlModules()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: Int }").AddSdl("extend type Query { b: String }").Build();
        Assert.Equal(["a", "b"], schema.Query.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Build_ExtensionOfUnknownType_Fails() =>
        Assert.Contains(
            BuildFails(SchemaBuilder.FromSdl("type Query { a: Int }\nextend type Nope { b: Int }")).Errors,
            e => e.Message == "Cannot extend type \"Nope\" because it is not defined.");

    [Fact]
    public void Build_UsesSchemaDefinitionRoots()
    {
        var schema = SchemaBuilder.FromSdl("schema { query: Root mutation: Change }\ntype Root { a: Int }\ntype Change { b: Int }").Build();
        Assert.Equal("Root", schema.Query.Name);
        Assert.Equal("Change", schema.Mutation!.Name);
        Assert.StartsWith("schema {\n  query: Root\n  mutation: Change\n}", schema.Print(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BindEnum_MapsGraphQLNamesToClrEnumValues()
    {
        var schema = SchemaBuilder.FromSdl("enum Status { IN_PROGRESS DONE }\ntype Query { echo(s: Status!): Status! }")
            .BindEnum<TaskStatus>("Status")
            .Resolve("Query", "echo", c => Assert.IsType<TaskStatus>(c.Arguments["s"]))
            .Build();
        var result = await schema.CreateExecutor().ExecuteAsync(new GraphQLRequest("{ echo(s: IN_PROGRESS) }"));
        Assert.Equal("{\"data\":{\"echo\":\"IN_PROGRESS\"}}", ExecutionResultSerializer.Serialize(result));
    }

    [Fact]
    public async Task InterfaceResolver_IsInheritedByImplementations()
    {
        var schema = SchemaBuilder.FromSdl("interface Named { name: String }\ntype Thing implements Named { name: String }\ntype Query { thing: Thing }")
            .Resolve("Named", "name", _ => "from interface")
            .Resolve("Query", "thing", _ => new object())
            .Build();
        var result = await schema.CreateExecutor().ExecuteAsync(new GraphQLRequest("{ thing { name } }"));
        Assert.Equal("{\"data\":{\"thing\":{\"name\":\"from interface\"}}}", ExecutionResultSerializer.Serialize(result));
    }

    private enum TaskStatus
    {
        InProgress,
        Done,
    }

    [Fact]
    public void Build_WithCostDirective_SetsTheFieldWeight()
    {
        var schema = SchemaBuilder.FromSdl("directive @cost(weight: Int!) on FIELD_DEFINITION\ntype Query { a: Int @cost(weight: 4) b: Int }").Build();
        Assert.Equal(4, schema.Query.GetField("a")!.Cost);
        Assert.Null(schema.Query.GetField("b")!.Cost);
    }

    [Fact]
    public void Build_WithStringCostWeightAsInTheIbmSpec_ReadsTheNumber()
    {
        var schema = SchemaBuilder.FromSdl("directive @cost(weight: String!) on FIELD_DEFINITION\ntype Query { a: Int @cost(weight: \"12\") }").Build();
        Assert.Equal(12, schema.Query.GetField("a")!.Cost);
    }

    [Fact]
    public void Build_WithCostDirectiveNotDeclared_SaysWhatToDeclare()
    {
        var error = Assert.Single(BuildFails(SchemaBuilder.FromSdl("type Query {\n  a: Int @cost(weight: 4)\n}")).Errors);
        Assert.Equal("Field \"Query.a\" uses @cost, but the schema does not declare it; add `directive @cost(weight: Int!) on FIELD_DEFINITION`.", error.Message);
        Assert.Equal([new SourceLocation(2, 10)], error.Locations);
    }

    [Theory]
    [InlineData("@cost(weight: -1)", "got -1.", 16)]
    [InlineData("@cost(weight: 2.5)", "got 2.5.", 16)]
    [InlineData("@cost", "got no weight argument.", 10)]
    public void Build_WithBadCostWeight_ReportsItWhereItIs(string directive, string got, int column)
    {
        var error = Assert.Single(BuildFails(SchemaBuilder.FromSdl($"directive @cost(weight: Float) on FIELD_DEFINITION\ntype Query {{\n  a: Int {directive}\n}}")).Errors);
        Assert.Equal($"@cost on \"Query.a\" needs a weight that is a whole number from 0 to 2147483647, such as @cost(weight: 5); {got}", error.Message);
        Assert.Equal([new SourceLocation(3, column)], error.Locations);
    }

    [Fact]
    public void Cost_BoundToAnUnknownField_FailsTheBuild()
    {
        var error = Assert.Single(BuildFails(SchemaBuilder.FromSdl("type Query { a: Int }").Cost("Query", "b", 3)).Errors);
        Assert.StartsWith("Cannot bind a cost to \"Query.b\": type \"Query\" has no field \"b\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_WithANegativeWeight_IsRefusedAtOnce() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SchemaBuilder.FromSdl("type Query { a: Int }").Cost("Query", "a", -1));
}
