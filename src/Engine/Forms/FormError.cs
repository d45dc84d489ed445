namespace LowCode.Engine.Forms;

/// <summary>
/// One reason the data is not acceptable: where (<paramref name="Path"/>, as in <see cref="FieldState.Path"/>; empty for
/// the form as a whole), what (<paramref name="Code"/>, one of <see cref="FormErrorCodes"/>) and a message people can act on.
/// </summary>
public sealed record FormError(string Path, string Code, string Message);
