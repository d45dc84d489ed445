using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Language;

public sealed partial class Parser
{
    /// <summary>Value (spec §2.9): https://spec.graphql.org/October2021/#Value</summary>
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.BracketLeft:
                return ParseList(isConst);
            case TokenKind.BraceLeft:
                return ParseObject(isConst);
            case TokenKind.IntValue:
                Advance();
                return new IntValueNode(token.Value!) { Location = Loc(token) };
            case TokenKind.FloatValue:
                Advance();
                return new FloatValueNode(token.Value!) { Location = Loc(token) };
            case TokenKind.StringValue or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(true) { Location = Loc(token) },
                    "false" => new BooleanValueNode(false) { Location = Loc(token) },
                    "null" => new NullValueNode { Location = Loc(token) },
                    _ => new EnumValueNode(token.Value!) { Location = Loc(token) },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    Expect(TokenKind.Dollar);
                    if (Peek(TokenKind.Name))
                    {
                        throw new SyntaxException($"Unexpected variable \"${Current.Value}\" in constant value.", token.Start);
                    }

                    throw Unexpected(token);
                }

                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = Current;
        Advance();
        return new StringValueNode(token.Value!, token.Kind == TokenKind.BlockString) { Location = Loc(token) };
    }

    /// <summary>ListValue (spec §2.9.7): https://spec.graphql.org/October2021/#ListValue</summary>
    private ListValueNode ParseList(bool isConst)
    {
        var start = Current;
        Enter(start);
        var values = Any(TokenKind.BracketLeft, () => ParseValueLiteral(isConst), TokenKind.BracketRight);
        Exit();
        return new ListValueNode(values) { Location = Loc(start) };
    }

    /// <summary>ObjectValue (spec §2.9.8): https://spec.graphql.org/October2021/#ObjectValue</summary>
    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = Current;
        Enter(start);
        var fields = Any(TokenKind.BraceLeft, () => ParseObjectField(isConst), TokenKind.BraceRight);
        Exit();
        return new ObjectValueNode(fields) { Location = Loc(start) };
    }

    /// <summary>ObjectField (spec §2.9.8): https://spec.graphql.org/October2021/#ObjectField</summary>
    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = Current;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ObjectFieldNode(name, value) { Location = Loc(start) };
    }

    /// <summary>Directives (spec §2.12): https://spec.graphql.org/October2021/#Directives</summary>
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var directives = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            directives.Add(ParseDirective(isConst));
        }

        return directives;
    }

    /// <summary>Directive (spec §2.12): https://spec.graphql.org/October2021/#Directive</summary>
    private DirectiveNode ParseDirective(bool isConst)
    {
        var start = Current;
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArguments(isConst);
        return new DirectiveNode(name, arguments) { Location = Loc(start) };
    }

    /// <summary>Type (spec §2.11): https://spec.graphql.org/October2021/#Type</summary>
    private TypeNode ParseTypeReference()
    {
        var start = Current;
        TypeNode type;
        if (ExpectOptional(TokenKind.BracketLeft))
        {
            Enter(start);
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketRight);
            Exit();
            type = new ListTypeNode(inner) { Location = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        return ExpectOptional(TokenKind.Bang) ? new NonNullTypeNode(type) { Location = Loc(start) } : type;
    }

    /// <summary>NamedType (spec §2.11): https://spec.graphql.org/October2021/#NamedType</summary>
    private NamedTypeNode ParseNamedType()
    {
        var start = Current;
        var name = ParseName();
        return new NamedTypeNode(name) { Location = Loc(start) };
    }
}
