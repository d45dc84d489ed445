using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Language;

public sealed partial class Parser
{
    /// <summary>Document (spec §2.2): https://spec.graphql.org/October2021/#Document</summary>
    private DocumentNode ParseDocument()
    {
        var start = Current;
        Expect(TokenKind.StartOfFile);
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (!ExpectOptional(TokenKind.EndOfFile));
        return new DocumentNode(definitions) { Location = new Location(0, _lastEnd, 1, 1) };
    }

    /// <summary>Definition (spec §2.2): https://spec.graphql.org/October2021/#Definition</summary>
    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceLeft))
        {
            return ParseOperationDefinition();
        }

        var hasDescription = PeekDescription();
        var keyword = hasDescription ? _lexer.Lookahead() : Current;
        if (hasDescription && keyword.Kind == TokenKind.BraceLeft)
        {
            throw new SyntaxException("Unexpected description, descriptions are not supported on shorthand queries.", Current.Start);
        }

        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "schema": return ParseSchemaDefinition();
                case "scalar": return ParseScalarTypeDefinition();
                case "type": return ParseObjectTypeDefinition();
                case "interface": return ParseInterfaceTypeDefinition();
                case "union": return ParseUnionTypeDefinition();
                case "enum": return ParseEnumTypeDefinition();
                case "input": return ParseInputObjectTypeDefinition();
                case "directive": return ParseDirectiveDefinition();
                case "query" or "mutation" or "subscription": return ParseOperationDefinition();
                case "fragment": return ParseFragmentDefinition();
                default: break;
            }

            if (hasDescription)
            {
                throw new SyntaxException("Unexpected description, only GraphQL definitions support descriptions.", Current.Start);
            }

            if (keyword.Value == "extend")
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(keyword);
    }

    private bool PeekDescription() => Peek(TokenKind.StringValue) || Peek(TokenKind.BlockString);

    /// <summary>Description (spec §3.2): https://spec.graphql.org/October2021/#Description</summary>
    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;
}
