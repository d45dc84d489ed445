using System.Collections.Immutable;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;

namespace LowCode.Engine.Operations.Diff;

/// <summary>Compares two stored versions of one definition (0 is the draft) as they are stored, by JSON path.</summary>
public sealed class DefinitionDiffs(IDefinitionStore store)
{
    public async Task<DefinitionDiff> DiffAsync(DefinitionKind kind, string key, int from, int? to, CancellationToken cancellationToken = default)
    {
        var target = to ?? 0;
        var problems = ImmutableArray.CreateBuilder<ValidationProblem>();
        var earlier = await FindAsync(kind, key, from, "from", problems, cancellationToken).ConfigureAwait(false);
        var later = await FindAsync(kind, key, target, "to", problems, cancellationToken).ConfigureAwait(false);
        var changes = earlier is null || later is null ? [] : JsonDiff.Compare(earlier.Json, later.Json);
        return new DefinitionDiff(kind, key, from, target, changes, problems.ToImmutable());
    }

    private async Task<DefinitionVersion?> FindAsync(DefinitionKind kind, string key, int version, string argument, ImmutableArray<ValidationProblem>.Builder problems, CancellationToken cancellationToken)
    {
        if (version < 0)
        {
            problems.Add(new ValidationProblem(argument, $"'{argument}' is {version}; give a version number (1 and up) or 0 for the draft.", "diff.version"));
            return null;
        }

        var found = await store.GetAsync(kind, key, version, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            var what = version == 0 ? "no draft" : $"no version {version}";
            problems.Add(new ValidationProblem(argument, $"The {DefinitionJson.KindName(kind)} '{key}' has {what}; definitionHistory lists the versions it has.", "diff.versionNotFound"));
        }

        return found;
    }
}

/// <summary>The changes from version <see cref="From"/> to version <see cref="To"/> (0 is the draft), or why there are none to show.</summary>
public sealed record DefinitionDiff(
    DefinitionKind Kind,
    string Key,
    int From,
    int To,
    ImmutableArray<DefinitionChangeEntry> Changes,
    ImmutableArray<ValidationProblem> Problems);
