using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Language;

public sealed partial class Parser
{
    /// <summary>OperationDefinition (spec §2.3): https://spec.graphql.org/October2021/#OperationDefinition</summary>
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = Current;
        if (Peek(TokenKind.BraceLeft))
        {
            var selectionSet = ParseSelectionSet();
            return new OperationDefinitionNode(OperationKind.Query, null, [], [], selectionSet) { Location = Loc(start) };
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var set = ParseSelectionSet();
        return new OperationDefinitionNode(operation, name, variables, directives, set) { Location = Loc(start), Description = description };
    }

    /// <summary>OperationType (spec §2.3): https://spec.graphql.org/October2021/#OperationType</summary>
    private OperationKind ParseOperationType()
    {
        var token = Expect(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationKind.Query,
            "mutation" => OperationKind.Mutation,
            "subscription" => OperationKind.Subscription,
            _ => throw Unexpected(token),
        };
    }

    /// <summary>VariableDefinitions (spec §2.10): https://spec.graphql.org/October2021/#VariableDefinitions</summary>
    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions() =>
        OptionalMany(TokenKind.ParenLeft, ParseVariableDefinition, TokenKind.ParenRight);

    /// <summary>VariableDefinition (spec §2.10): https://spec.graphql.org/October2021/#VariableDefinition</summary>
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode(variable, type, defaultValue, directives) { Location = Loc(start), Description = description };
    }

    /// <summary>Variable (spec §2.10): https://spec.graphql.org/October2021/#Variable</summary>
    private VariableNode ParseVariable()
    {
        var start = Current;
        Expect(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode(name) { Location = Loc(start) };
    }

    /// <summary>SelectionSet (spec §2.4): https://spec.graphql.org/October2021/#SelectionSet</summary>
    private SelectionSetNode ParseSelectionSet()
    {
        var start = Current;
        Enter(start);
        var selections = Many(TokenKind.BraceLeft, ParseSelection, TokenKind.BraceRight);
        Exit();
        return new SelectionSetNode(selections) { Location = Loc(start) };
    }

    /// <summary>Selection (spec §2.4): https://spec.graphql.org/October2021/#Selection</summary>
    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    /// <summary>Field (spec §2.5): https://spec.graphql.org/October2021/#Field</summary>
    private FieldNode ParseField()
    {
        var start = Current;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        var name = nameOrAlias;
        if (ExpectOptional(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var set = Peek(TokenKind.BraceLeft) ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, set) { Location = Loc(start) };
    }

    /// <summary>Arguments (spec §2.6): https://spec.graphql.org/October2021/#Arguments</summary>
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst) =>
        OptionalMany<ArgumentNode>(TokenKind.ParenLeft, isConst ? ParseConstArgument : ParseArgument, TokenKind.ParenRight);

    /// <summary>Argument (spec §2.6): https://spec.graphql.org/October2021/#Argument</summary>
    private ArgumentNode ParseArgument() => ParseArgument(isConst: false);

    private ArgumentNode ParseConstArgument() => ParseArgument(isConst: true);

    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = Current;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ArgumentNode(name, value) { Location = Loc(start) };
    }

    /// <summary>FragmentSpread and InlineFragment (spec §2.8): https://spec.graphql.org/October2021/#sec-Language.Fragments</summary>
    private SelectionNode ParseFragment()
    {
        var start = Current;
        Expect(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode(name, spreadDirectives) { Location = Loc(start) };
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var set = ParseSelectionSet();
        return new InlineFragmentNode(typeCondition, directives, set) { Location = Loc(start) };
    }

    /// <summary>FragmentDefinition (spec §2.8): https://spec.graphql.org/October2021/#FragmentDefinition</summary>
    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var set = ParseSelectionSet();
        return new FragmentDefinitionNode(name, typeCondition, directives, set) { Location = Loc(start), Description = description };
    }

    /// <summary>FragmentName (spec §2.8): https://spec.graphql.org/October2021/#FragmentName</summary>
    private NameNode ParseFragmentName()
    {
        if (PeekKeyword("on"))
        {
            throw Unexpected();
        }

        return ParseName();
    }
}
