using System.Collections.Immutable;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;

namespace LowCode.Api.GraphQL;

/// <summary>What the DefinitionPayload type reads: the stored version, or why nothing was written.</summary>
internal sealed record DefinitionPayload(
    DefinitionVersion? Definition,
    DefinitionPayload.ErrorOutput? Error,
    ImmutableArray<ValidationProblem> Problems,
    DefinitionPayload.ConflictOutput? Conflict)
{
    /// <summary>What the validator warns about; never the reason for a failure, and reported on success too.</summary>
    public ImmutableArray<ValidationProblem> Warnings { get; init; } = [];

    public static DefinitionPayload From(StoreResult<DefinitionVersion> result) => (result.Error is { } error
        ? Failed(error.Kind, error.Message, error.Problems, error.CurrentETag)
        : new DefinitionPayload(result.Value, null, [], null)) with { Warnings = result.Warnings };

    public static DefinitionPayload Failed(StoreErrorKind kind, string message, ImmutableArray<ValidationProblem> problems, string? currentETag = null) =>
        new(null, new ErrorOutput(kind, message), problems, kind == StoreErrorKind.Conflict ? new ConflictOutput(currentETag) : null);

    /// <summary>The DefinitionError type.</summary>
    internal sealed record ErrorOutput(StoreErrorKind Kind, string Message);

    /// <summary>The DefinitionConflict type.</summary>
    internal sealed record ConflictOutput(string? CurrentEtag);
}
