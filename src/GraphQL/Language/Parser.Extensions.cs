using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Language;

public sealed partial class Parser
{
    /// <summary>TypeSystemExtension (spec §3.1): https://spec.graphql.org/October2021/#TypeSystemExtension</summary>
    private TypeSystemDefinitionNode ParseTypeSystemExtension()
    {
        var keyword = _lexer.Lookahead();
        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "schema": return ParseSchemaExtension();
                case "scalar": return ParseScalarTypeExtension();
                case "type": return ParseObjectTypeExtension();
                case "interface": return ParseInterfaceTypeExtension();
                case "union": return ParseUnionTypeExtension();
                case "enum": return ParseEnumTypeExtension();
                case "input": return ParseInputObjectTypeExtension();
                default: break;
            }
        }

        throw Unexpected(keyword);
    }

    /// <summary>SchemaExtension (spec §3.3.2): https://spec.graphql.org/October2021/#SchemaExtension</summary>
    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = OptionalMany(TokenKind.BraceLeft, ParseOperationTypeDefinition, TokenKind.BraceRight);
        if (directives.Count == 0 && operationTypes.Count == 0)
        {
            throw Unexpected();
        }

        return new SchemaExtensionNode(directives, operationTypes) { Location = Loc(start) };
    }

    /// <summary>ScalarTypeExtension (spec §3.5.1): https://spec.graphql.org/October2021/#ScalarTypeExtension</summary>
    private ScalarTypeDefinitionNode ParseScalarTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Count == 0)
        {
            throw Unexpected();
        }

        return new ScalarTypeDefinitionNode(null, name, directives, IsExtension: true) { Location = Loc(start) };
    }

    /// <summary>ObjectTypeExtension (spec §3.6.3): https://spec.graphql.org/October2021/#ObjectTypeExtension</summary>
    private ObjectTypeDefinitionNode ParseObjectTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected();
        }

        return new ObjectTypeDefinitionNode(null, name, interfaces, directives, fields, IsExtension: true) { Location = Loc(start) };
    }

    /// <summary>InterfaceTypeExtension (spec §3.7.1): https://spec.graphql.org/October2021/#InterfaceTypeExtension</summary>
    private InterfaceTypeDefinitionNode ParseInterfaceTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected();
        }

        return new InterfaceTypeDefinitionNode(null, name, interfaces, directives, fields, IsExtension: true) { Location = Loc(start) };
    }

    /// <summary>UnionTypeExtension (spec §3.8.1): https://spec.graphql.org/October2021/#UnionTypeExtension</summary>
    private UnionTypeDefinitionNode ParseUnionTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (directives.Count == 0 && types.Count == 0)
        {
            throw Unexpected();
        }

        return new UnionTypeDefinitionNode(null, name, directives, types, IsExtension: true) { Location = Loc(start) };
    }

    /// <summary>EnumTypeExtension (spec §3.9.1): https://spec.graphql.org/October2021/#EnumTypeExtension</summary>
    private EnumTypeDefinitionNode ParseEnumTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = OptionalMany(TokenKind.BraceLeft, ParseEnumValueDefinition, TokenKind.BraceRight);
        if (directives.Count == 0 && values.Count == 0)
        {
            throw Unexpected();
        }

        return new EnumTypeDefinitionNode(null, name, directives, values, IsExtension: true) { Location = Loc(start) };
    }

    /// <summary>InputObjectTypeExtension (spec §3.10.1): https://spec.graphql.org/October2021/#InputObjectTypeExtension</summary>
    private InputObjectTypeDefinitionNode ParseInputObjectTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceLeft, ParseInputValueDefinition, TokenKind.BraceRight);
        if (directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected();
        }

        return new InputObjectTypeDefinitionNode(null, name, directives, fields, IsExtension: true) { Location = Loc(start) };
    }
}
