using System.Text.Json.Nodes;

namespace LowCode.Engine.Forms;

/// <summary>
/// One field as the evaluation left it. <paramref name="Path"/> is where its value lives in the data: <c>amount</c>,
/// <c>address.city</c> (a field of the group <c>address</c>), <c>lines[2].amount</c> (third row of a repeating group).
/// <paramref name="Value"/> is the coerced value (the input as given when it could not be coerced; null for groups,
/// repeating groups and static content, whose own fields are listed separately).
/// </summary>
public sealed record FieldState(string Path, string Key, bool Visible, bool Required, bool Readonly, JsonNode? Value);
