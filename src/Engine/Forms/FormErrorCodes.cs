namespace LowCode.Engine.Forms;

/// <summary>The codes of <see cref="FormError"/>, so front ends can match on them rather than on messages.</summary>
public static class FormErrorCodes
{
    /// <summary>A required field has no value.</summary>
    public const string Required = "required";

    /// <summary>The value cannot be read as the field's type (a word in a number field, a malformed e-mail address, …).</summary>
    public const string Type = "type";

    /// <summary>A number below <c>min</c>.</summary>
    public const string Min = "min";

    /// <summary>A number above <c>max</c>.</summary>
    public const string Max = "max";

    /// <summary>A date before <c>minDate</c>.</summary>
    public const string MinDate = "minDate";

    /// <summary>A date after <c>maxDate</c>.</summary>
    public const string MaxDate = "maxDate";

    /// <summary>Text shorter than <c>minLength</c>.</summary>
    public const string MinLength = "minLength";

    /// <summary>Text longer than <c>maxLength</c>.</summary>
    public const string MaxLength = "maxLength";

    /// <summary>Text that does not match <c>pattern</c>.</summary>
    public const string Pattern = "pattern";

    /// <summary>A value that is none of the field's options.</summary>
    public const string Option = "option";

    /// <summary>Fewer rows than <c>minRows</c>.</summary>
    public const string MinRows = "minRows";

    /// <summary>More rows than <c>maxRows</c>.</summary>
    public const string MaxRows = "maxRows";

    /// <summary>A file whose media type or extension is not in <c>accept</c>.</summary>
    public const string Accept = "accept";

    /// <summary>A file larger than <c>maxSizeBytes</c>.</summary>
    public const string MaxSize = "maxSize";

    /// <summary>A file field's value that is not the id of a file uploaded for this instance.</summary>
    public const string File = "file";

    /// <summary>A cross-field validation is false; the message is the validation's own.</summary>
    public const string Validation = "validation";

    /// <summary>An expression of the form failed at run time (or its fields depend on each other in a loop).</summary>
    public const string Expression = "expression";
}
