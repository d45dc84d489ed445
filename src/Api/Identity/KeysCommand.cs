using System.Globalization;
using LowCode.Engine.Changes;
using LowCode.Engine.Storage;

namespace LowCode.Api.Identity;

/// <summary>
/// <c>keys create|list|revoke</c>: manages API keys from the command line, against the database the Api is configured
/// with (migrating it first). This is how production gets its first admin.
/// </summary>
internal static class KeysCommand
{
    public const string Actor = "keys-command";

    private const string Usage = """
        Usage:
          keys create --name NAME --principal ID --permissions admin,designer,analyst,user [--groups g1,g2]
          keys list
          keys revoke ID_OR_NAME
        The database comes from the same settings as the Api (appsettings.json, ConnectionStrings__LowCode, LowCode__Database__Provider).
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "keys";

    /// <summary>Runs the command; returns the process exit code (0 done, 1 refused, 2 bad usage).</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        var verb = args.Length > 1 ? args[1] : null;
        if (verb is not ("create" or "list" or "revoke"))
        {
            await error.WriteLineAsync(verb is null ? Usage : $"Unknown keys command '{verb}'.{Environment.NewLine}{Usage}").ConfigureAwait(false);
            return 2;
        }

        try
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync().ConfigureAwait(false);
        }
        catch (DatabaseStartupException ex)
        {
            await error.WriteLineAsync($"The database is not ready: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        var options = Options(args.Skip(2).ToArray(), out var positional);
        switch (verb)
        {
            case "create":
                var (permissions, unknown) = PermissionNames.Parse([options.GetValueOrDefault("permissions") ?? string.Empty]);
                if (unknown.Count > 0)
                {
                    await error.WriteLineAsync($"Unknown permission(s) {string.Join(", ", unknown)}: use admin, designer, analyst or user.").ConfigureAwait(false);
                    return 2;
                }

                var groups = (options.GetValueOrDefault("groups") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var principal = new ApiPrincipal(options.GetValueOrDefault("principal") ?? string.Empty, [.. groups], permissions);
                var created = await keys.CreateAsync(options.GetValueOrDefault("name"), principal, Actor).ConfigureAwait(false);
                if (created.Error is { } problem)
                {
                    await error.WriteLineAsync($"{problem}{Environment.NewLine}{Usage}").ConfigureAwait(false);
                    return 2;
                }

                await output.WriteLineAsync(created.Token).ConfigureAwait(false);
                await error.WriteLineAsync($"Created key {created.Key!.Id} '{created.Key.Name}' for {created.Key.PrincipalId} ({created.Key.Permissions}). It is shown only now: send it as 'Authorization: Bearer <key>'.").ConfigureAwait(false);
                return 0;

            case "list":
                var all = await keys.ListAsync().ConfigureAwait(false);
                await output.WriteLineAsync($"{"ID",-12}  {"NAME",-24}  {"PRINCIPAL",-28}  {"PERMISSIONS",-30}  {"GROUPS",-20}  {"CREATED",-20}  REVOKED").ConfigureAwait(false);
                foreach (var key in all)
                {
                    var state = key.RevokedAt is { } at ? string.Create(CultureInfo.InvariantCulture, $"{at:u} by {key.RevokedBy}") : "-";
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{key.Id,-12}  {key.Name,-24}  {key.PrincipalId,-28}  {key.Permissions,-30}  {key.Groups,-20}  {key.CreatedAt:u}  {state}")).ConfigureAwait(false);
                }

                return 0;

            default:
                if (positional.Count != 1)
                {
                    await error.WriteLineAsync($"Name one key to revoke, by its id or its name.{Environment.NewLine}{Usage}").ConfigureAwait(false);
                    return 2;
                }

                // On PostgreSQL the running Api nodes hear of the revocation (and forget the key) through the runtime
                // change channel, which this short-lived process must start before and drain before it exits.
                var changes = app.Services.GetRequiredService<IRuntimeChangeNotifier>() as PostgresRuntimeChangeNotifier;
                if (changes is not null)
                {
                    await changes.StartAsync().ConfigureAwait(false);
                }

                var revoked = await keys.RevokeAsync(positional[0], Actor).ConfigureAwait(false);
                if (changes is not null)
                {
                    await changes.DisposeAsync().ConfigureAwait(false);
                }

                if (revoked.Error is { } refusal)
                {
                    await error.WriteLineAsync(refusal).ConfigureAwait(false);
                    return 1;
                }

                await output.WriteLineAsync($"Revoked key {revoked.Key!.Id} '{revoked.Key.Name}' of {revoked.Key.PrincipalId}; requests with it are refused from now on.").ConfigureAwait(false);
                return 0;
        }
    }

    /// <summary>The host's arguments without the command, so configuration never sees <c>--name</c> and the like.</summary>
    public static string[] HostArguments(string[] args) => IsCommand(args) ? [] : args;

    private static Dictionary<string, string> Options(string[] args, out List<string> positional)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        positional = [];
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                var equals = name.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    options[name[..equals]] = name[(equals + 1)..];
                }
                else
                {
                    options[name] = i + 1 < args.Length ? args[++i] : string.Empty;
                }
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return options;
    }
}
