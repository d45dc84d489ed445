using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Language;

public sealed partial class Parser
{
    /// <summary>The directive locations of spec §3.13: https://spec.graphql.org/October2021/#DirectiveLocations</summary>
    internal static readonly HashSet<string> DirectiveLocations = new(StringComparer.Ordinal)
    {
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION",
    };

    /// <summary>SchemaDefinition (spec §3.3): https://spec.graphql.org/October2021/#SchemaDefinition</summary>
    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = Many(TokenKind.BraceLeft, ParseOperationTypeDefinition, TokenKind.BraceRight);
        return new SchemaDefinitionNode(description, directives, operationTypes) { Location = Loc(start) };
    }

    /// <summary>RootOperationTypeDefinition (spec §3.3.1): https://spec.graphql.org/October2021/#RootOperationTypeDefinition</summary>
    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = Current;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode(operation, type) { Location = Loc(start) };
    }

    /// <summary>ScalarTypeDefinition (spec §3.5): https://spec.graphql.org/October2021/#ScalarTypeDefinition</summary>
    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode(description, name, directives) { Location = Loc(start) };
    }

    /// <summary>ObjectTypeDefinition (spec §3.6): https://spec.graphql.org/October2021/#ObjectTypeDefinition</summary>
    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode(description, name, interfaces, directives, fields) { Location = Loc(start) };
    }

    /// <summary>ImplementsInterfaces (spec §3.6): https://spec.graphql.org/October2021/#ImplementsInterfaces</summary>
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements") ? DelimitedMany(TokenKind.Amp, ParseNamedType) : [];

    private List<T> DelimitedMany<T>(TokenKind delimiter, Func<T> item)
    {
        ExpectOptional(delimiter);
        var items = new List<T>();
        do
        {
            items.Add(item());
        }
        while (ExpectOptional(delimiter));
        return items;
    }

    /// <summary>FieldsDefinition (spec §3.6): https://spec.graphql.org/October2021/#FieldsDefinition</summary>
    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition() =>
        OptionalMany(TokenKind.BraceLeft, ParseFieldDefinition, TokenKind.BraceRight);

    /// <summary>FieldDefinition (spec §3.6): https://spec.graphql.org/October2021/#FieldDefinition</summary>
    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode(description, name, arguments, type, directives) { Location = Loc(start) };
    }

    /// <summary>ArgumentsDefinition (spec §3.6.1): https://spec.graphql.org/October2021/#ArgumentsDefinition</summary>
    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        OptionalMany(TokenKind.ParenLeft, ParseInputValueDefinition, TokenKind.ParenRight);

    /// <summary>InputValueDefinition (spec §3.6.1): https://spec.graphql.org/October2021/#InputValueDefinition</summary>
    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode(description, name, type, defaultValue, directives) { Location = Loc(start) };
    }

    /// <summary>InterfaceTypeDefinition (spec §3.7): https://spec.graphql.org/October2021/#InterfaceTypeDefinition</summary>
    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode(description, name, interfaces, directives, fields) { Location = Loc(start) };
    }

    /// <summary>UnionTypeDefinition (spec §3.8): https://spec.graphql.org/October2021/#UnionTypeDefinition</summary>
    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode(description, name, directives, types) { Location = Loc(start) };
    }

    /// <summary>UnionMemberTypes (spec §3.8): https://spec.graphql.org/October2021/#UnionMemberTypes</summary>
    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptional(TokenKind.Equals) ? DelimitedMany(TokenKind.Pipe, ParseNamedType) : [];

    /// <summary>EnumTypeDefinition (spec §3.9): https://spec.graphql.org/October2021/#EnumTypeDefinition</summary>
    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = OptionalMany(TokenKind.BraceLeft, ParseEnumValueDefinition, TokenKind.BraceRight);
        return new EnumTypeDefinitionNode(description, name, directives, values) { Location = Loc(start) };
    }

    /// <summary>EnumValueDefinition (spec §3.9): https://spec.graphql.org/October2021/#EnumValueDefinition</summary>
    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        if (Current.Value is "true" or "false" or "null")
        {
            throw new SyntaxException($"{Current.Describe()} is reserved and cannot be used for an enum value.", Current.Start);
        }

        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new EnumValueDefinitionNode(description, name, directives) { Location = Loc(start) };
    }

    /// <summary>InputObjectTypeDefinition (spec §3.10): https://spec.graphql.org/October2021/#InputObjectTypeDefinition</summary>
    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceLeft, ParseInputValueDefinition, TokenKind.BraceRight);
        return new InputObjectTypeDefinitionNode(description, name, directives, fields) { Location = Loc(start) };
    }

    /// <summary>DirectiveDefinition (spec §3.13): https://spec.graphql.org/October2021/#DirectiveDefinition</summary>
    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        var locations = DelimitedMany(TokenKind.Pipe, ParseDirectiveLocation);
        return new DirectiveDefinitionNode(description, name, arguments, repeatable, locations) { Location = Loc(start) };
    }

    /// <summary>DirectiveLocation (spec §3.13): https://spec.graphql.org/October2021/#DirectiveLocation</summary>
    private NameNode ParseDirectiveLocation()
    {
        var start = Current;
        var name = ParseName();
        if (DirectiveLocations.Contains(name.Value))
        {
            return name;
        }

        throw Unexpected(start);
    }
}
