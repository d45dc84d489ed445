using LowCode.Engine.Forms;
using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Files;

/// <summary>The uploads a submission may refer to: every file uploaded for a task of the instance (metadata only).</summary>
public static class FileCatalog
{
    public static async Task<IReadOnlyDictionary<string, FormFile>> ForInstanceAsync(LowCodeDbContext db, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var files = new Dictionary<string, FormFile>(StringComparer.Ordinal);
        await foreach (var file in OfInstance.For(db)(db, instanceId).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            files[file.Id] = file;
        }

        return files;
    }

    // Read on every completion of a form with file fields, so compiled once rather than translated from LINQ each time.
    private static readonly ProviderCompiled<Func<LowCodeDbContext, string, IAsyncEnumerable<FormFile>>> OfInstance = new(() => EF.CompileAsyncQuery(
        (LowCodeDbContext db, string instanceId) => db.Files.AsNoTracking()
            .Where(f => f.InstanceId == instanceId)
            .Select(f => new FormFile(f.Id, f.Name, f.ContentType, f.Size))));
}
