using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Validation.Forms;

/// <summary>Field keys must be identifiers and unique within the data they write to (a group's key names the object holding its fields).</summary>
internal sealed class FieldKeysRule : DefinitionRule<FormDefinition>
{
    protected override void Check(FormDefinition definition, RuleContext context)
    {
        if (definition.Fields.IsDefaultOrEmpty)
        {
            context.Report("$.fields", "form.noFields", "The form has no fields. Add at least one field.");
            return;
        }

        var seen = new Dictionary<(string Scope, string Key), string>();
        foreach (var (field, path, scope) in FieldWalker.Walk(definition))
        {
            if (!KeyFormat.IsIdentifier(field.Key))
            {
                context.Report(path.Property("key"), "field.keyFormat", $"'{field.Key}' is not a valid field key. {KeyFormat.IdentifierHint}");
                continue;
            }

            if (field.ParsedType() is FieldType.Static)
            {
                // Static text holds no data, but its key still names it in the designer. A group's key names the
                // object its fields are stored in, so it shares the data's keys.
                if (!seen.TryAdd((scope + "#layout", field.Key), path))
                {
                    context.Report(path.Property("key"), "field.duplicateKey", $"Another layout element already uses the key '{field.Key}' (at {seen[(scope + "#layout", field.Key)]}). Give each one its own key.");
                }

                continue;
            }

            if (!seen.TryAdd((scope, field.Key), path))
            {
                context.Report(path.Property("key"), "field.duplicateKey", $"The key '{field.Key}' is already used by the field at {seen[(scope, field.Key)]}. Field keys must be unique so each value has one place in the data.");
            }
        }
    }
}
