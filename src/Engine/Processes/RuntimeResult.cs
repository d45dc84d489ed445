namespace LowCode.Engine.Processes;

/// <summary>A runtime call's value, or the typed reason it changed nothing. User mistakes never throw.</summary>
public sealed record RuntimeResult<T>
    where T : class
{
    public RuntimeResult(T value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    public RuntimeResult(RuntimeError error) => Error = error ?? throw new ArgumentNullException(nameof(error));

    public T? Value { get; }

    public RuntimeError? Error { get; }

    public bool Succeeded => Error is null;

    public static implicit operator RuntimeResult<T>(RuntimeError error) => new(error);
}
