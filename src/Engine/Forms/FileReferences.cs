using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowCode.Engine.Forms;

/// <summary>
/// Reads a file field of a submission: each file is the id an upload returned (an object with an <c>id</c>, as a
/// front end may echo the upload's answer, counts as its id) and must be one of the instance's uploads. The stored
/// value is the id, or a list of ids when a list was sent.
/// </summary>
internal static class FileReferences
{
    public static bool TryResolve(FieldPlan plan, JsonNode raw, IReadOnlyDictionary<string, FormFile> files, out JsonNode? value, out string code, out string message)
    {
        value = null;
        code = FormErrorCodes.Type;
        message = string.Empty;
        var ids = new List<string>();
        IEnumerable<JsonNode?> items = raw is JsonArray list ? list : new JsonNode?[] { raw };
        foreach (var item in items)
        {
            var id = item switch
            {
                JsonValue text when text.GetValueKind() == JsonValueKind.String => JsonRead.Text(text).Trim(),
                JsonObject described when described["id"] is JsonValue text && text.GetValueKind() == JsonValueKind.String => JsonRead.Text(text).Trim(),
                _ => null,
            };
            if (id is null)
            {
                message = $"{plan.Layout.Name} expects the id of an uploaded file (upload it with POST /files, then send the id it returns), not {FieldCoercer.Describe(item)}.";
                return false;
            }

            if (id.Length == 0)
            {
                continue;
            }

            if (!files.ContainsKey(id))
            {
                code = FormErrorCodes.File;
                message = $"{plan.Layout.Name}: there is no file '{id}' uploaded for this task's instance; upload the file for this task and send the id the upload returned.";
                return false;
            }

            ids.Add(id);
        }

        value = raw is JsonArray
            ? new JsonArray([.. ids.Select(i => (JsonNode)JsonValue.Create(i))])
            : ids.Count == 0 ? null : JsonValue.Create(ids[0]);
        return true;
    }
}
