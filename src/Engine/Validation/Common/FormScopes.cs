using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Forms;

namespace LowCode.Engine.Validation.Common;

/// <summary>
/// What a form's expressions may read. A form's data holds one value per field, and a group's fields sit beside
/// the group's siblings (the group itself holds none). A repeating group's value is the list of its rows; the
/// expressions of its columns run per row and read that row's columns and the fields around the table, exactly as the
/// forms runtime (<c>Forms.LayoutScope</c>) resolves them: a column first, then the form's field of the same name.
/// </summary>
internal static class FormScopes
{
    /// <summary>
    /// The scope of each of the form's expressions, by the JSON path <see cref="ExpressionLocations"/> gives it: the
    /// scope of the field that holds it (per <see cref="FieldWalker"/>), or the form's own for its validations.
    /// </summary>
    public static Func<string, NameScope?> Of(FormDefinition form)
    {
        var top = Data(form.Fields);
        var formScope = new NameScope("a field of this form", top.Names, top.Notes);
        var scopes = new Dictionary<string, NameScope>(StringComparer.Ordinal) { [JsonPath.Root] = formScope };
        var byField = new Dictionary<string, NameScope>(StringComparer.Ordinal);
        foreach (var (field, path, scope) in FieldWalker.Walk(form))
        {
            byField[path] = scopes[scope];
            if (field.ParsedType() == FieldType.Repeating)
            {
                scopes[path] = Row(field, scopes[scope]);
            }
        }

        var validations = JsonPath.Root.Property("validations");
        return location =>
        {
            var owner = location[..location.LastIndexOf('.')];
            return byField.GetValueOrDefault(owner) ?? (owner.StartsWith(validations + "[", StringComparison.Ordinal) ? formScope : null);
        };
    }

    /// <summary>The names the form's data holds at the top level, with notes on keys that hold no top-level value.</summary>
    public static (HashSet<string> Names, Dictionary<string, string> Notes) Data(IReadOnlyList<FieldDefinition> fields)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(fields, names, notes);
        foreach (var name in names)
        {
            notes.Remove(name);
        }

        return (names, notes);
    }

    private static void Collect(IReadOnlyList<FieldDefinition> fields, HashSet<string> names, Dictionary<string, string> notes)
    {
        foreach (var field in fields)
        {
            switch (field.ParsedType())
            {
                case FieldType.Group:
                    notes.TryAdd(field.Key, $"'{field.Key}' is a group: it holds no value of its own, its fields are read by their own keys.");
                    Collect(field.Fields, names, notes);
                    break;
                case FieldType.Static:
                    notes.TryAdd(field.Key, $"'{field.Key}' is static content and holds no value.");
                    break;
                case FieldType.Repeating:
                    names.Add(field.Key);
                    var columns = Data(field.Fields).Names;
                    foreach (var column in columns)
                    {
                        notes.TryAdd(column, $"'{column}' is a column of the repeating group '{field.Key}', so only that table's own fields read it directly; elsewhere use e.g. sum({field.Key}, '{column}') or {field.Key}[0].{column}.");
                    }

                    break;
                default:
                    names.Add(field.Key);
                    break;
            }
        }
    }

    private static NameScope Row(FieldDefinition table, NameScope outer)
    {
        var row = Data(table.Fields);
        var names = row.Names.Concat(outer.Names).ToHashSet(StringComparer.Ordinal);
        var notes = outer.Notes.Concat(row.Notes)
            .Where(n => !names.Contains(n.Key))
            .GroupBy(n => n.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        return new NameScope($"a column of '{table.Key}' or a field of this form", names, notes);
    }
}
