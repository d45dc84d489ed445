namespace LowCode.Engine.Forms;

/// <summary>
/// One step of a form's evaluation: working out whether a field is visible, or working out the value expressions read
/// for it (an input's coerced value while visible, a computed field's result, a repeating group's rows).
/// </summary>
internal readonly record struct DependencyNode(LayoutField Field, bool IsValue)
{
    /// <summary>The expression this step runs, if any: a field's <c>visibleWhen</c>, or a computed field's <c>computed</c>.</summary>
    public string? Expression => IsValue ? Field.Definition.Computed : Field.Definition.VisibleWhen;

    /// <summary>The JSON path of <see cref="Expression"/> in the form definition.</summary>
    public string ExpressionPath => Field.DefinitionPath + (IsValue ? ".computed" : ".visibleWhen");

    /// <summary>How a cycle message names this step.</summary>
    public string Describe()
    {
        var name = Field.DataName;
        if (!IsValue)
        {
            return $"the visibleWhen of '{name}'";
        }

        return Field.Type switch
        {
            Metadata.FieldType.Computed => $"computed '{name}'",
            Metadata.FieldType.Repeating => $"the rows of '{name}'",
            _ => $"'{name}' (empty while hidden)",
        };
    }
}
