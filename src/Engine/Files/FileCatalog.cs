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
        return await db.Files.AsNoTracking()
            .Where(f => f.InstanceId == instanceId)
            .Select(f => new FormFile(f.Id, f.Name, f.ContentType, f.Size))
            .ToDictionaryAsync(f => f.Id, StringComparer.Ordinal, cancellationToken)
            .ConfigureAwait(false);
    }
}
