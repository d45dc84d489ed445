using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Forms;

/// <summary>
/// Visits every field with its JSON path and the data scope it writes to. Groups only arrange fields, so their
/// children share the parent's scope; a repeating group's columns form a new scope, one per row.
/// </summary>
internal static class FieldWalker
{
    public static IEnumerable<(FieldDefinition Field, string Path, string Scope)> Walk(FormDefinition form) =>
        Walk(form.Fields, JsonPath.Root.Property("fields"), JsonPath.Root);

    private static IEnumerable<(FieldDefinition, string, string)> Walk(IReadOnlyList<FieldDefinition> fields, string path, string scope)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var at = path.Index(i);
            yield return (field, at, scope);
            var childScope = field.ParsedType() == FieldType.Repeating ? at : scope;
            foreach (var child in Walk(field.Fields, at.Property("fields"), childScope))
            {
                yield return child;
            }
        }
    }
}
