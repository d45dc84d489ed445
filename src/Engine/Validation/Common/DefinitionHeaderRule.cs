using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Common;

/// <summary>Every definition needs a well-formed key and a name.</summary>
internal sealed class DefinitionHeaderRule : DefinitionRule<IDefinition>
{
    protected override void Check(IDefinition definition, RuleContext context)
    {
        if (string.IsNullOrWhiteSpace(definition.Key))
        {
            context.Report("$.key", "key.missing", $"The key is empty. {KeyFormat.DefinitionKeyHint}");
        }
        else if (!KeyFormat.IsDefinitionKey(definition.Key))
        {
            context.Report("$.key", "key.format", $"'{definition.Key}' is not a valid key. {KeyFormat.DefinitionKeyHint}");
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            context.Report("$.name", "name.missing", "The name is empty. Give the definition a name people will recognise.");
        }
    }
}
