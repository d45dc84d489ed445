using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.1.1 Executable Definitions: https://spec.graphql.org/October2021/#sec-Executable-Definitions</summary>
public sealed class ExecutableDefinitionsRule : ValidationRule
{
    public override void EnterDocument(DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is ExecutableDefinitionNode)
            {
                continue;
            }

            var name = definition switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "schema",
                TypeDefinitionNode type => $"\"{type.Name.Value}\"",
                DirectiveDefinitionNode directive => $"\"{directive.Name.Value}\"",
                _ => "unknown",
            };
            Report($"The {name} definition is not executable.", definition);
        }

        SkipChildren();
    }
}
