using System.Text.Json.Nodes;

namespace LowCode.Engine.Forms;

/// <summary>One field in one frame during an evaluation.</summary>
internal sealed class Slot
{
    /// <summary>The coerced value, the computed result, or the input as given when it could not be coerced.</summary>
    public JsonNode? Value { get; set; }

    /// <summary>False when the input could not be coerced: the value then reads as empty and is not stored.</summary>
    public bool Valid { get; set; } = true;

    public bool Visible { get; set; }

    /// <summary>The rows of a repeating group.</summary>
    public List<Frame>? Rows { get; set; }

    /// <summary>The rows of a visible repeating group as expressions read them and the submission stores them.</summary>
    public JsonArray? RowValues { get; set; }

    /// <summary>Errors found while reading or computing the field, reported before its constraints.</summary>
    public List<FormError>? Errors { get; set; }

    public void Add(FormError error) => (Errors ??= []).Add(error);
}
