namespace LowCode.Engine.Storage;

/// <summary>A value, or the reason there is none.</summary>
public sealed record StoreResult<T>
    where T : class
{
    public StoreResult(T value) => Value = value;

    public StoreResult(StoreError error) => Error = error;

    public T? Value { get; }

    public StoreError? Error { get; }

    public bool Succeeded => Error is null;
}
