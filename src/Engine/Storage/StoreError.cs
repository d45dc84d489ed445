using System.Collections.Immutable;
using LowCode.Engine.Validation;

namespace LowCode.Engine.Storage;

/// <summary>Why a store operation did nothing. Nothing is ever half-saved.</summary>
public sealed record StoreError(StoreErrorKind Kind, string Message)
{
    /// <summary>For <see cref="StoreErrorKind.Invalid"/>: every problem, by JSON path.</summary>
    public ImmutableArray<ValidationProblem> Problems { get; init; } = [];

    /// <summary>For a <see cref="StoreErrorKind.Conflict"/> over a stale etag: the etag of the draft as it is now.</summary>
    public string? CurrentETag { get; init; }
}

/// <summary>The kinds of store failure a caller handles differently.</summary>
public enum StoreErrorKind
{
    /// <summary>No such definition or version.</summary>
    NotFound,

    /// <summary>Someone else changed it first (stale etag), or the operation does not fit its current state.</summary>
    Conflict,

    /// <summary>The definition has problems; see <see cref="StoreError.Problems"/>.</summary>
    Invalid,
}
