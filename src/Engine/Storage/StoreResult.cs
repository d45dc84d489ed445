using System.Collections.Immutable;
using LowCode.Engine.Validation;

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

    /// <summary>Validation warnings about the definition: shown to the author, never the reason for a failure.</summary>
    public ImmutableArray<ValidationProblem> Warnings { get; init; } = [];
}
