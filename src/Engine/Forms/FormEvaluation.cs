using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace LowCode.Engine.Forms;

/// <summary>The verdict of <see cref="FormEvaluator.Evaluate"/>: what a submission stores, every field's state, every error.</summary>
public sealed class FormEvaluation
{
    internal FormEvaluation(JsonObject values, ImmutableArray<FieldState> fields, ImmutableArray<FormError> errors)
    {
        Values = values;
        Fields = fields;
        Errors = errors;
    }

    /// <summary>True when there is no error: the data may be submitted.</summary>
    public bool IsValid => Errors.IsEmpty;

    /// <summary>
    /// What a submission stores: the coerced values of the visible input fields (null where a visible field is empty or
    /// its value could not be coerced) and the recomputed computed fields; groups as nested objects, repeating groups as
    /// arrays of row objects; hidden fields and static content absent; defaults applied where the data had no value.
    /// </summary>
    public JsonObject Values { get; }

    /// <summary>Every field in document order, a repeating group's columns once per row.</summary>
    public ImmutableArray<FieldState> Fields { get; }

    /// <summary>Every error at once, in document order, cross-field validations last.</summary>
    public ImmutableArray<FormError> Errors { get; }
}
