using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Validation.Forms;

/// <summary>Every field type must be one the forms runtime knows.</summary>
internal sealed class FieldTypeRule : DefinitionRule<FormDefinition>
{
    protected override void Check(FormDefinition definition, RuleContext context)
    {
        foreach (var (field, path, _) in FieldWalker.Walk(definition))
        {
            if (field.ParsedType() is null)
            {
                context.Report(
                    path.Property("type"),
                    "field.unknownType",
                    $"'{field.Type}' is not a field type.{KeyFormat.DidYouMean(field.Type, FieldTypes.Names)} Known types: {string.Join(", ", FieldTypes.Names)}.");
            }
        }
    }
}
