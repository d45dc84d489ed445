using System.Text.Json;
using LowCode.Api.GraphQL;
using LowCode.Engine.Files;
using LowCode.Engine.Processes;
using LowCode.Engine.Tasks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace LowCode.Api.Files;

/// <summary>
/// File fields over plain HTTP: <c>POST /files</c> (multipart: <c>taskId</c>, <c>field</c>, <c>file</c>) answers the
/// new file's id, which the form's data then holds; <c>GET /files/{id}</c> gives the bytes back. The caller is the
/// signed-in principal, or the holder of a link token sent in <see cref="LinkTokenHeader"/>. Every refusal is JSON
/// <c>{ "error": { "code", "message" } }</c> with a status that says what kind it is (docs/api.md lists them).
/// </summary>
internal static class FileEndpoints
{
    /// <summary>Where an external participant's link token goes on these endpoints (never in the URL, which logs keep).</summary>
    public const string LinkTokenHeader = "X-LowCode-Link-Token";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/files", UploadAsync);
        endpoints.MapGet("/files/{id}", DownloadAsync);
        return endpoints;
    }

    private static async Task UploadAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            await RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType, "file.notMultipart", "Send the file as multipart/form-data with the parts 'taskId', 'field' and 'file'.").ConfigureAwait(false);
            return;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            var tooLarge = ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            await RefuseAsync(http, tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, tooLarge ? FileErrorCodes.TooLarge : "file.malformed",
                tooLarge ? "The upload is larger than the server accepts." : $"The multipart body could not be read: {ex.Message}").ConfigureAwait(false);
            return;
        }

        var taskId = form["taskId"].ToString().Trim();
        var field = form["field"].ToString().Trim();
        var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null);
        if (taskId.Length == 0 || file is null)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "file.missingPart", "The upload needs the parts 'taskId' (the task), 'field' (the file field's key, e.g. 'proofOfAddress' or 'owners.passport') and 'file' (the file itself).").ConfigureAwait(false);
            return;
        }

        var principal = await PrincipalAsync(http, taskId).ConfigureAwait(false);
        if (principal.Error is { } linkError)
        {
            await RefuseAsync(http, linkError).ConfigureAwait(false);
            return;
        }

        await using var content = file.OpenReadStream();
        var stored = await http.RequestServices.GetRequiredService<FileStore>()
            .UploadAsync(new FileUpload(taskId, field, file.FileName, file.ContentType, content), principal.Value!, http.RequestAborted)
            .ConfigureAwait(false);
        if (stored.Error is { } error)
        {
            await RefuseAsync(http, error).ConfigureAwait(false);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.Headers.Location = $"/files/{stored.Value!.Id}";
        await http.Response.WriteAsJsonAsync(Describe(stored.Value), Json, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task DownloadAsync(HttpContext http, string id)
    {
        var principal = await PrincipalAsync(http, null).ConfigureAwait(false);
        if (principal.Error is { } linkError)
        {
            await RefuseAsync(http, linkError).ConfigureAwait(false);
            return;
        }

        var opened = await http.RequestServices.GetRequiredService<FileStore>().OpenAsync(id, principal.Value!, http.RequestAborted).ConfigureAwait(false);
        if (opened.Error is { } error)
        {
            await RefuseAsync(http, error).ConfigureAwait(false);
            return;
        }

        var (file, content) = (opened.Value!.File, opened.Value.Content);
        await using (content.ConfigureAwait(false))
        {
            // Uploads are other people's bytes: never rendered in the product's origin.
            http.Response.ContentType = file.ContentType;
            http.Response.ContentLength = file.Size;
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = file.Name }.ToString();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            await content.CopyToAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The link holder when a token is sent (checked against <paramref name="taskId"/> when given), else the signed-in caller.</summary>
    private static async Task<RuntimeResult<Principal>> PrincipalAsync(HttpContext http, string? taskId)
    {
        var token = http.Request.Headers[LinkTokenHeader].ToString().Trim();
        return token.Length == 0
            ? new RuntimeResult<Principal>(ApiUser.PrincipalOf(http))
            : await http.RequestServices.GetRequiredService<ProcessRuntime>().OpenLinkAsync(token, taskId, http.RequestAborted).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpContext http, RuntimeError error)
    {
        var code = error.Problems.FirstOrDefault()?.Code ?? error.Kind.ToString();
        var status = code switch
        {
            FileErrorCodes.Accept => StatusCodes.Status415UnsupportedMediaType,
            FileErrorCodes.TooLarge => StatusCodes.Status413PayloadTooLarge,
            _ => error.Kind switch
            {
                RuntimeErrorKind.NotFound => StatusCodes.Status404NotFound,
                RuntimeErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                RuntimeErrorKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            },
        };
        return RefuseAsync(http, status, code, error.Message);
    }

    private static Task RefuseAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = new { code, message } }, Json, http.RequestAborted);
    }

    private static object Describe(StoredFile file) => new
    {
        id = file.Id,
        taskId = file.TaskId,
        field = file.FieldPath,
        name = file.Name,
        contentType = file.ContentType,
        size = file.Size,
        sha256 = file.Sha256,
        uploadedAt = file.UploadedAt,
    };

    /// <summary>Lets a multipart body as large as the largest upload through the form reader (its own default is 128 MiB).</summary>
    public static void Configure(FormOptions options, FileStorageOptions files) => options.MultipartBodyLengthLimit = files.MaxUploadBytes + (64 * 1024);
}
