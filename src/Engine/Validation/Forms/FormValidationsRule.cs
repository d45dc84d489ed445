using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Validation.Forms;

/// <summary>Cross-field validations need unique keys, a message, and fields that exist.</summary>
internal sealed class FormValidationsRule : DefinitionRule<FormDefinition>
{
    protected override void Check(FormDefinition definition, RuleContext context)
    {
        var fieldKeys = FieldWalker.Walk(definition).Select(f => f.Field.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Validations.Length; i++)
        {
            var validation = definition.Validations[i];
            var at = JsonPath.Root.Property("validations").Index(i);
            if (!KeyFormat.IsIdentifier(validation.Key))
            {
                context.Report(at.Property("key"), "validation.keyFormat", $"'{validation.Key}' is not a valid key. {KeyFormat.IdentifierHint}");
            }
            else if (!seen.Add(validation.Key))
            {
                context.Report(at.Property("key"), "validation.duplicateKey", $"Another validation already uses the key '{validation.Key}'.");
            }

            if (string.IsNullOrWhiteSpace(validation.Message))
            {
                context.Report(at.Property("message"), "validation.messageMissing", "Write the message people see when this check fails.");
            }

            for (var j = 0; j < validation.Fields.Length; j++)
            {
                if (!fieldKeys.Contains(validation.Fields[j]))
                {
                    context.Report(
                        at.Property("fields").Index(j),
                        "validation.unknownField",
                        $"No field has the key '{validation.Fields[j]}'.{KeyFormat.DidYouMean(validation.Fields[j], fieldKeys)}");
                }
            }
        }
    }
}
