using System.Buffers;
using System.Text;
using System.Text.Json;
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

    /// <summary>
    /// The view as JSON text, written straight from <paramref name="data"/> without copying it: the same text
    /// <c>Of(data, groupKeys).ToJsonString()</c> gives.
    /// </summary>
    public static string Render(JsonObject data, IReadOnlySet<string> groupKeys)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in data)
            {
                WriteProperty(writer, key, value);
            }

            if (groupKeys.Count > 0)
            {
                var written = new HashSet<string>(data.Select(p => p.Key), StringComparer.Ordinal);
                LiftInto(writer, data, written, groupKeys);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Sets in <paramref name="data"/> the top-level keys a decision set or changed (each value as JSON text).</summary>
    public static void ApplyChanges(JsonObject data, IReadOnlyDictionary<string, string> changes)
    {
        foreach (var (key, json) in changes)
        {
            data[key] = JsonNode.Parse(json);
        }
    }

    private static void LiftInto(Utf8JsonWriter writer, JsonObject source, HashSet<string> written, IReadOnlySet<string> groupKeys)
    {
        foreach (var (key, value) in source)
        {
            if (groupKeys.Contains(key) && value is JsonObject group)
            {
                foreach (var (child, childValue) in group)
                {
                    if (written.Add(child))
                    {
                        WriteProperty(writer, child, childValue);
                    }
                }

                LiftInto(writer, group, written, groupKeys);
            }
        }
    }

    private static void WriteProperty(Utf8JsonWriter writer, string key, JsonNode? value)
    {
        writer.WritePropertyName(key);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
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
