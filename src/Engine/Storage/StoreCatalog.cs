using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>Builds the validation catalog from the store: current drafts and latest published versions, or published only.</summary>
internal static class StoreCatalog
{
    public static async Task<IDefinitionCatalog> LoadAsync(LowCodeDbContext db, bool includeDrafts, IDefinition replacing, CancellationToken cancellationToken)
    {
        string[] statuses = includeDrafts
            ? [nameof(DefinitionStatus.Draft), nameof(DefinitionStatus.Published)]
            : [nameof(DefinitionStatus.Published)];
        var records = await db.Definitions.AsNoTracking()
            .Where(d => statuses.Contains(d.Status))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        var catalog = new DefinitionCatalog();

        // Published first and in version order, then drafts: the newest text of each key wins.
        foreach (var record in records.OrderBy(r => r.Version == 0 ? int.MaxValue : r.Version))
        {
            var kind = Enum.Parse<DefinitionKind>(record.Kind);
            if (kind == replacing.Kind && record.Key == replacing.Key)
            {
                continue;
            }

            if (DefinitionJson.Parse(kind, record.Body).Definition is { } definition)
            {
                catalog.Add(definition);
            }
        }

        return catalog.Add(replacing);
    }
}
