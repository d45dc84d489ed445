using System.Text.Json.Nodes;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Processes;

/// <summary>
/// What expressions over instance data see. Instance data keeps a form group's fields nested in an object under the
/// group's key (as the form stores them), while a form's expressions read those fields by their own keys; process
/// expressions (assignees, scripts, rule conditions) read them the same way, so the view lifts the fields of every
/// group the pinned forms declare to the top level, unless a top-level key of that name already exists.
/// </summary>
internal static class DataView
{
    public static HashSet<string> GroupKeys(IEnumerable<FormDefinition> forms)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            Collect(form.Fields, keys);
        }

        return keys;
    }

    public static JsonObject Of(JsonObject data, IReadOnlySet<string> groupKeys)
    {
        var view = (JsonObject)data.DeepClone();
        if (groupKeys.Count > 0)
        {
            Lift(data, view, groupKeys);
        }

        return view;
    }

    /// <summary>Copies into <paramref name="data"/> the top-level keys a decision set or changed (<paramref name="viewAfter"/> against <paramref name="viewBefore"/>).</summary>
    public static void ApplyChanges(JsonObject data, JsonObject viewBefore, JsonObject viewAfter)
    {
        foreach (var (key, value) in viewAfter)
        {
            if (!viewBefore.TryGetPropertyValue(key, out var before) || !JsonNode.DeepEquals(before, value))
            {
                data[key] = value?.DeepClone();
            }
        }
    }

    private static void Lift(JsonObject source, JsonObject view, IReadOnlySet<string> groupKeys)
    {
        foreach (var (key, value) in source)
        {
            if (groupKeys.Contains(key) && value is JsonObject group)
            {
                foreach (var (child, childValue) in group)
                {
                    if (!view.ContainsKey(child))
                    {
                        view[child] = childValue?.DeepClone();
                    }
                }

                Lift(group, view, groupKeys);
            }
        }
    }

    private static void Collect(IEnumerable<FieldDefinition> fields, HashSet<string> keys)
    {
        foreach (var field in fields)
        {
            if (field.ParsedType() == FieldType.Group)
            {
                keys.Add(field.Key);
                Collect(field.Fields, keys);
            }
        }
    }
}
