using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Tests.Language;

public sealed class ParserTests
{
    private static DocumentNode ParseOk(string source)
    {
        var result = Parser.Parse(source);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Document!;
    }

    [Fact]
    public void Parse_OperationWithVariablesDirectivesAndAliases_BuildsTheTree()
    {
        var document = ParseOk("query Q($id: ID! = \"1\" @dir) @op { alias: field(arg: $id) @skip(if: false) { sub } }");
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(OperationKind.Query, operation.Operation);
        Assert.Equal("Q", operation.Name!.Value);
        var variable = Assert.Single(operation.VariableDefinitions);
        Assert.Equal("id", variable.Variable.Name.Value);
        Assert.IsType<NonNullTypeNode>(variable.Type);
        Assert.Equal("1", Assert.IsType<StringValueNode>(variable.DefaultValue).Value);
        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("alias", field.ResponseName);
        Assert.Equal("field", field.Name.Value);
        Assert.IsType<VariableNode>(Assert.Single(field.Arguments).Value);
        Assert.Equal("skip", Assert.Single(field.Directives).Name.Value);
    }

    [Fact]
    public void Parse_RecordsLineAndColumnOfEveryNode()
    {
        var document = ParseOk("{\n  a\n  b { c }\n}");
        var set = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet;
        var b = (FieldNode)set.Selections[1];
        Assert.Equal((3, 3), (b.Location.Line, b.Location.Column));
        Assert.Equal((3, 7), (b.SelectionSet!.Selections[0].Location.Line, b.SelectionSet.Selections[0].Location.Column));
    }

    [Fact]
    public void Parse_FragmentsAndInlineFragments()
    {
        var document = ParseOk("{ ...F ... on T { a } ... @include(if: true) { b } }\nfragment F on T { c }");
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        Assert.IsType<FragmentSpreadNode>(selections[0]);
        Assert.Equal("T", Assert.IsType<InlineFragmentNode>(selections[1]).TypeCondition!.Name.Value);
        Assert.Null(Assert.IsType<InlineFragmentNode>(selections[2]).TypeCondition);
        Assert.Equal("F", Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]).Name.Value);
    }

    [Fact]
    public void Parse_AllValueKinds()
    {
        var document = ParseOk("{ f(a: 1, b: 2.5, c: \"s\", d: \"\"\"block\"\"\", e: true, f: null, g: ENUM, h: [1, [2]], i: {x: {y: $v}}) }");
        var arguments = ((FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0]).Arguments;
        Assert.Collection(
            arguments.Select(a => a.Value),
            v => Assert.IsType<IntValueNode>(v),
            v => Assert.IsType<FloatValueNode>(v),
            v => Assert.False(Assert.IsType<StringValueNode>(v).Block),
            v => Assert.True(Assert.IsType<StringValueNode>(v).Block),
            v => Assert.True(Assert.IsType<BooleanValueNode>(v).Value),
            v => Assert.IsType<NullValueNode>(v),
            v => Assert.Equal("ENUM", Assert.IsType<EnumValueNode>(v).Value),
            v => Assert.IsType<ListValueNode>(Assert.IsType<ListValueNode>(v).Values[1]),
            v => Assert.IsType<VariableNode>(((ObjectValueNode)Assert.IsType<ObjectValueNode>(v).Fields[0].Value).Fields[0].Value));
    }

    [Fact]
    public void Parse_TypeSystemDocumentWithDescriptionsExtensionsAndRepeatableDirectives()
    {
        var document = ParseOk(""""
            "The schema"
            schema @a { query: Q mutation: M }
            extend schema @b
            """A scalar"""
            scalar Date @specifiedBy(url: "https://example.com")
            interface Node { id: ID! }
            interface Named implements Node & Entity { id: ID! name(upper: Boolean = false): String }
            type T implements Node @key { id: ID! "described" f(a: Int): [String!]! @deprecated }
            union U = | A | B
            enum E { ONE @deprecated(reason: "old") TWO }
            input I { a: Int = 1 b: [I!] }
            directive @key(fields: String) repeatable on OBJECT | INTERFACE
            extend type T { g: Int }
            extend interface Node @x
            extend union U = C
            extend enum E { THREE }
            extend input I { c: Int }
            extend scalar Date @y
            """");
        Assert.Equal(16, document.Definitions.Count);
        Assert.Equal("The schema", Assert.IsType<SchemaDefinitionNode>(document.Definitions[0]).Description!.Value);
        Assert.Equal(["Node", "Entity"], Assert.IsType<InterfaceTypeDefinitionNode>(document.Definitions[4]).Interfaces.Select(i => i.Name.Value));
        Assert.True(Assert.IsType<DirectiveDefinitionNode>(document.Definitions[9]).Repeatable);
        Assert.True(Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[10]).IsExtension);
        Assert.Equal(["A", "B"], Assert.IsType<UnionTypeDefinitionNode>(document.Definitions[6]).Types.Select(t => t.Name.Value));
    }

    [Theory]
    [InlineData("{ a", "Syntax Error: Expected Name, found <EOF>.", 1, 4)]
    [InlineData("{ a(b: ) }", "Syntax Error: Unexpected \")\".", 1, 8)]
    [InlineData("query { a }\n  }", "Syntax Error: Unexpected \"}\".", 2, 3)]
    [InlineData("{ a(b: \"x) }", "Syntax Error: Unterminated string.", 1, 13)]
    [InlineData("{ a(b: 01) }", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 9)]
    [InlineData("{ a(b: 1.x) }", "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 10)]
    [InlineData("{ a(b: \"\\q\") }", "Syntax Error: Invalid character escape sequence: \"\\q\".", 1, 9)]
    [InlineData("fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("query ($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 18)]
    [InlineData("{ a ? }", "Syntax Error: Unexpected character: \"?\".", 1, 5)]
    [InlineData("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    public void Parse_WithASyntaxError_ReturnsTheMessageLineAndColumn(string source, string message, int line, int column)
    {
        var result = Parser.Parse(source);
        Assert.False(result.IsSuccess);
        Assert.Equal(message, result.Error!.Message);
        Assert.Equal([new SourceLocation(line, column)], result.Error.Locations);
        Assert.Equal(ErrorCodes.ParseFailed, result.Error.Extensions!["code"]);
    }

    [Fact]
    public void Parse_WithASyntaxError_GivesAnExcerptWithACaret()
    {
        var result = Parser.Parse("{\n  a(b: )\n}");
        Assert.Equal("2 |   a(b: )\n" + new string(' ', 11) + "^", result.Excerpt);
    }

    [Fact]
    public void Parse_PastMaxTokens_StopsWithAClearError()
    {
        var result = Parser.Parse("{ a b c d e f }", new ParserOptions { MaxTokens = 5 });
        Assert.Equal("Syntax Error: Document contains more than 5 tokens. Parsing aborted.", result.Error!.Message);
    }

    [Fact]
    public void Parse_PastMaxDepth_StopsWithAClearError()
    {
        var deep = string.Concat(Enumerable.Repeat("{ a ", 20)) + string.Concat(Enumerable.Repeat("}", 20));
        var result = Parser.Parse(deep, new ParserOptions { MaxDepth = 10 });
        Assert.StartsWith("Syntax Error: Document nesting exceeds the maximum depth of 10.", result.Error!.Message);
    }

    [Fact]
    public void Parse_AHostileDeeplyNestedList_IsRejectedWithoutStackOverflow()
    {
        var deep = "{ a(b: " + new string('[', 100_000) + ") }";
        Assert.False(Parser.Parse(deep, new ParserOptions { MaxTokens = 1_000_000 }).IsSuccess);
    }

    [Fact]
    public void ParseValue_AndParseType_ParseFragmentsOfTheLanguage()
    {
        Assert.IsType<ListValueNode>(Parser.ParseValue("[1, 2]"));
        Assert.Equal("[String!]!", Printer.Print(Parser.ParseType("[String!]!")));
        Assert.Throws<GraphQLException>(() => Parser.ParseType("[String"));
    }
}
