using System.Diagnostics.CodeAnalysis;

namespace LowCode.Engine.Metadata;

/// <summary>Every kind of field a form can hold.</summary>
public enum FieldType
{
    Text,
    Textarea,
    Number,
    [SuppressMessage("Naming", "CA1720", Justification = "'integer' is the field type name authors write.")]
    Integer,
    Boolean,
    Date,
    DateTime,
    Select,
    Multiselect,
    Email,
    Url,
    File,
    Group,
    Repeating,
    Computed,
    Static,
}
