using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Forms;
using LowCode.Engine.Metadata;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Files;

/// <summary>
/// Uploads for file fields and their downloads. An upload belongs to one open task, for one file field of its form,
/// whose <c>accept</c> and <c>maxSizeBytes</c> are enforced on the bytes received; a download is for whoever may see
/// the task's instance (<see cref="TaskAccess.MaySee"/>). Results are typed; a refused file never throws.
/// </summary>
public sealed class FileStore(IDbContextFactory<LowCodeDbContext> contexts, DefinitionCache definitions, FileStorageOptions options, TimeProvider clock)
{
    public const string InDatabase = "database";
    public const string InDirectory = "directory";

    public async Task<RuntimeResult<StoredFile>> UploadAsync(FileUpload upload, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(principal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == upload.TaskId, cancellationToken).ConfigureAwait(false);
        if (task is null)
        {
            return Refuse(RuntimeErrorKind.NotFound, "taskId", FileErrorCodes.TaskNotFound, $"There is no task '{upload.TaskId}' to upload a file for.");
        }

        if (task.CompletedAt is not null)
        {
            return Refuse(RuntimeErrorKind.Conflict, "taskId", FileErrorCodes.TaskCompleted, $"Task '{task.Id}' is completed; files can no longer be added to it.");
        }

        if (!TaskAccess.MayWork(principal, task))
        {
            return Refuse(RuntimeErrorKind.Forbidden, "taskId", FileErrorCodes.Forbidden, principal.Link is not null
                ? $"This link does not open task '{task.Id}'; a link uploads files only for its own task."
                : $"{principal.Id} may not upload files for task '{task.Id}': only whoever may complete it can.");
        }

        var form = task.FormKey is { } key && task.FormVersion is { } version
            ? await definitions.GetAsync<FormDefinition>(db, DefinitionKind.Form, key, version, cancellationToken).ConfigureAwait(false)
            : null;
        var fieldPath = upload.FieldPath?.Trim() ?? string.Empty;
        if (FindFileField(form?.Fields ?? [], fieldPath) is not { } field)
        {
            var fields = form is null ? [] : FileFieldPaths(form.Fields, string.Empty).ToList();
            return Refuse(RuntimeErrorKind.Invalid, "field", FileErrorCodes.Field, fields.Count == 0
                ? $"The form of task '{task.Id}' has no file fields."
                : $"The form of task '{task.Id}' has no file field '{fieldPath}'. Its file fields: {string.Join(", ", fields)}.");
        }

        var name = CleanName(upload.FileName);
        if (name.Length == 0)
        {
            return Refuse(RuntimeErrorKind.Invalid, "file", FileErrorCodes.Name, "The upload has no file name; send the file as a multipart part with a filename.");
        }

        var contentType = string.IsNullOrWhiteSpace(upload.ContentType) ? "application/octet-stream" : upload.ContentType.Split(';')[0].Trim().ToLowerInvariant();
        if (!FieldConstraints.Accepts(field.Accept, name, contentType))
        {
            return Refuse(RuntimeErrorKind.Invalid, "file", FileErrorCodes.Accept, $"'{name}' ({contentType}) is not accepted by {Label(field)}; accepted: {string.Join(", ", field.Accept)}.");
        }

        var limit = Math.Min(field.MaxSizeBytes ?? options.MaxUploadBytes, options.MaxUploadBytes);
        using var buffer = new MemoryStream();
        if (!await CopyAtMostAsync(upload.Content, buffer, limit, cancellationToken).ConfigureAwait(false))
        {
            return Refuse(RuntimeErrorKind.Invalid, "file", FileErrorCodes.TooLarge, $"'{name}' is larger than {FieldConstraints.Size(limit)}, the most {Label(field)} accepts.");
        }

        if (buffer.Length == 0)
        {
            return Refuse(RuntimeErrorKind.Invalid, "file", FileErrorCodes.Empty, $"'{name}' is empty; choose the file again.");
        }

        var bytes = buffer.ToArray();
        var now = clock.GetUtcNow();
        var record = new StoredFileRecord
        {
            Id = StepExecution.NewId(),
            TaskId = task.Id,
            InstanceId = task.InstanceId,
            FieldPath = fieldPath,
            Name = name,
            ContentType = contentType,
            Size = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Storage = options.Directory is null ? InDatabase : InDirectory,
            UploadedBy = principal.Id,
            UploadedAt = now.UtcDateTime,
        };
        if (options.Directory is { } directory)
        {
            // Written before the row commits: a failed commit leaves an unreferenced file, never a row without bytes.
            Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(Path.Combine(directory, record.Id), bytes, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            db.FileContents.Add(new StoredFileContentRecord { FileId = record.Id, Content = bytes });
        }

        db.Files.Add(record);
        var instance = await db.Instances.AsNoTracking().FirstAsync(i => i.Id == task.InstanceId, cancellationToken).ConfigureAwait(false);
        EventLog.Append(db, EventTypes.FileUploaded, instance, now, principal.Id, new JsonObject
        {
            ["fileId"] = record.Id,
            ["field"] = record.FieldPath,
            ["name"] = record.Name,
            ["contentType"] = record.ContentType,
            ["size"] = record.Size,
            ["sha256"] = record.Sha256,
        }, task.StepKey, task.Id);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new RuntimeResult<StoredFile>(ToStoredFile(record));
    }

    /// <summary>A file's metadata, for a principal who may see it.</summary>
    public async Task<RuntimeResult<StoredFile>> GetAsync(string fileId, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var seen = await SeeAsync(db, fileId, principal, cancellationToken).ConfigureAwait(false);
        return seen.Error is { } error ? error : new RuntimeResult<StoredFile>(ToStoredFile(seen.Value!));
    }

    /// <summary>A file and its bytes, for a principal who may see the task it was uploaded for.</summary>
    public async Task<RuntimeResult<FileDownload>> OpenAsync(string fileId, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var seen = await SeeAsync(db, fileId, principal, cancellationToken).ConfigureAwait(false);
        if (seen.Error is { } error)
        {
            return error;
        }

        var record = seen.Value!;
        Stream content;
        if (record.Storage == InDirectory)
        {
            var path = Path.Combine(options.Directory ?? throw new InvalidOperationException($"File '{record.Id}' was stored in a directory, but LowCode:Files:Directory is not set any more; set it to the directory the files are in."), record.Id);
            content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        }
        else
        {
            var bytes = await db.FileContents.AsNoTracking().Where(c => c.FileId == record.Id).Select(c => c.Content).FirstAsync(cancellationToken).ConfigureAwait(false);
            content = new MemoryStream(bytes, writable: false);
        }

        return new RuntimeResult<FileDownload>(new FileDownload(ToStoredFile(record), content));
    }

    private static async Task<RuntimeResult<StoredFileRecord>> SeeAsync(LowCodeDbContext db, string fileId, Principal principal, CancellationToken cancellationToken)
    {
        var record = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return Refuse(RuntimeErrorKind.NotFound, "id", FileErrorCodes.NotFound, $"There is no file '{fileId}'.");
        }

        var instance = await db.Instances.AsNoTracking().FirstAsync(i => i.Id == record.InstanceId, cancellationToken).ConfigureAwait(false);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == record.InstanceId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TaskAccess.MaySee(principal, record.TaskId, instance, tasks)
            ? new RuntimeResult<StoredFileRecord>(record)
            : Refuse(RuntimeErrorKind.Forbidden, "id", FileErrorCodes.Forbidden, principal.Link is not null
                ? $"File '{fileId}' belongs to another task than the one this link opens."
                : $"{principal.Id} may not see file '{fileId}': only people who work on its instance may.");
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; false when there were more.</summary>
    private static async Task<bool> CopyAtMostAsync(Stream source, MemoryStream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (target.Length + read > limit)
            {
                return false;
            }

            target.Write(chunk, 0, read);
        }

        return true;
    }

    /// <summary>The file field at a dotted key path; row indices (<c>owners[2].passport</c>) are ignored, a file belongs to the column.</summary>
    private static FieldDefinition? FindFileField(ImmutableArray<FieldDefinition> fields, string path)
    {
        var segments = path.Split('.', StringSplitOptions.TrimEntries);
        FieldDefinition? found = null;
        foreach (var segment in segments)
        {
            var key = segment.Split('[')[0];
            found = fields.FirstOrDefault(f => f.Key == key);
            if (found is null)
            {
                return null;
            }

            fields = found.Fields;
        }

        return found?.ParsedType() == FieldType.File ? found : null;
    }

    private static IEnumerable<string> FileFieldPaths(ImmutableArray<FieldDefinition> fields, string prefix)
    {
        foreach (var field in fields)
        {
            if (field.ParsedType() == FieldType.File)
            {
                yield return prefix + field.Key;
            }

            foreach (var inner in FileFieldPaths(field.Fields, $"{prefix}{field.Key}."))
            {
                yield return inner;
            }
        }
    }

    /// <summary>The name without any folder part or control characters, at most 255 characters.</summary>
    private static string CleanName(string? name)
    {
        var bare = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var clean = new string([.. bare.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length > 255 ? clean[^255..] : clean;
    }

    private static string Label(FieldDefinition field) => field.Label is { } label ? $"'{label}'" : $"field '{field.Key}'";

    private static RuntimeError Refuse(RuntimeErrorKind kind, string path, string code, string message) => new(kind, message, [new RuntimeProblem(path, code, message)]);

    private static StoredFile ToStoredFile(StoredFileRecord r) => new(
        r.Id, r.TaskId, r.InstanceId, r.FieldPath, r.Name, r.ContentType, r.Size, r.Sha256, r.UploadedBy, new DateTimeOffset(DateTime.SpecifyKind(r.UploadedAt, DateTimeKind.Utc)));
}
