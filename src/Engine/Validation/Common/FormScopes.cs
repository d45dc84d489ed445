using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Common;

/// <summary>
/// What a form's expressions may read. A form's data holds one value per field, and a group's fields sit beside
/// the group's siblings (the group itself holds none). A repeating group's value is the list of its rows; the
/// expressions of its columns run per row and read that row's columns, and (whether or not the form runtime exposes
/// them there) the fields around the table are allowed too, so the check never flags a name that might be readable.
/// </summary>
internal static class FormScopes
{
    /// <summary>Every expression of the form with its JSON path and its scope.</summary>
    public static IEnumerable<(string Path, string Source, NameScope Scope)> Of(FormDefinition form)
    {
        var top = Data(form.Fields);
        var scope = new NameScope("a field of this form", top.Names, top.Notes);
        foreach (var item in OfFields(form.Fields, JsonPath.Root.Property("fields"), scope))
        {
            yield return item;
        }

        for (var i = 0; i < form.Validations.Length; i++)
        {
            yield return (JsonPath.Root.Property("validations").Index(i).Property("expression"), form.Validations[i].Expression, scope);
        }
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

    private static IEnumerable<(string, string, NameScope)> OfFields(IReadOnlyList<FieldDefinition> fields, string path, NameScope scope)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var at = path.Index(i);
            foreach (var (property, source) in new[] { ("visibleWhen", field.VisibleWhen), ("requiredWhen", field.RequiredWhen), ("readonlyWhen", field.ReadonlyWhen), ("computed", field.Computed) })
            {
                if (source is not null)
                {
                    yield return (at.Property(property), source, scope);
                }
            }

            var inner = field.ParsedType() == FieldType.Repeating ? Row(field, scope) : scope;
            foreach (var child in OfFields(field.Fields, at.Property("fields"), inner))
            {
                yield return child;
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
