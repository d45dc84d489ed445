using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.8.5 All Variable Usages Are Allowed: https://spec.graphql.org/October2021/#sec-All-Variable-Usages-are-Allowed</summary>
public sealed class VariablesInAllowedPositionRule : ValidationRule
{
    public override void LeaveOperation(OperationDefinitionNode node)
    {
        var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in node.VariableDefinitions)
        {
            definitions[definition.Variable.Name.Value] = definition;
        }

        var schema = Context.Schema;
        foreach (var usage in Context.GetRecursiveVariableUsages(node))
        {
            var name = usage.Node.Name.Value;
            if (!definitions.TryGetValue(name, out var definition) || usage.Type is null)
            {
                continue;
            }

            var variableType = LowCode.GraphQL.Execution.ValueCoercion.TypeFromAst(schema, definition.Type);
            if (variableType is null)
            {
                continue;
            }

            if (!Allowed(variableType, definition.DefaultValue, usage.Type, usage.HasDefaultValue))
            {
                Report($"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{usage.Type}\".", definition, usage.Node);
            }

            if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
            {
                Report(
                    $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                    definition,
                    usage.Node);
            }
        }
    }

    private bool Allowed(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool locationHasDefault)
    {
        var schema = Context.Schema;
        if (locationType is NonNullType nonNull && variableType is not NonNullType)
        {
            var hasNonNullDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullDefault && !locationHasDefault)
            {
                return false;
            }

            return schema.IsTypeSubTypeOf(variableType, nonNull.OfType);
        }

        return schema.IsTypeSubTypeOf(variableType, locationType);
    }
}
