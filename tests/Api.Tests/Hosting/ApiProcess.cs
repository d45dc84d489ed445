using System.Diagnostics;
using System.Text.RegularExpressions;
using LowCode.Engine.Storage;

namespace LowCode.Api.Tests.Hosting;

/// <summary>
/// The Api as a process of its own (the built LowCode.Api.dll beside the tests), on a free loopback port: what a node
/// behind a load balancer is. Two of these share nothing but the database, unlike two hosts in one test process.
/// </summary>
internal sealed partial class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    private readonly KeyIssuer? _keys;

    private ApiProcess(IReadOnlyDictionary<string, string> settings)
    {
        _process = new Process { StartInfo = StartInfo(settings) };
        if (settings.TryGetValue("ConnectionStrings:LowCode", out var connection) && settings.TryGetValue("LowCode:Database:Provider", out var provider))
        {
            _keys = KeyIssuer.For(new DatabaseOptions(Enum.Parse<DatabaseProvider>(provider, ignoreCase: true), connection));
        }

        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"The Api process exited with {_process.ExitCode} before listening:\n{Output}"));
        _process.EnableRaisingEvents = true;
    }

    /// <summary>Where the process listens.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Everything the process wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>The admin key made with the key command before the start (production needs one to start).</summary>
    public string? AdminKey { get; private set; }

    /// <summary>
    /// Starts the Api in Production with these configuration settings (<c>Section:Key</c> names) and waits until it
    /// listens. First, unless <paramref name="createAdminKey"/> is false, the key command creates an admin key, as an
    /// operator does before a first production start.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken, bool createAdminKey = true)
    {
        var adminKey = createAdminKey
            ? KeyIn((await RunCommandAsync(settings, ["keys", "create", "--name", "first-admin", "--principal", "admin@example.com", "--permissions", "admin"], cancellationToken)).Output)
            : null;
        var api = new ApiProcess(settings) { AdminKey = adminKey };
        api._process.Start();
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        api.Address = await api._listening.Task.WaitAsync(cancellationToken);
        return api;
    }

    /// <summary>A client whose requests <see cref="GraphQL.GraphQLClient"/> can sign as any caller.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Address };
        if (_keys is not null)
        {
            GraphQL.GraphQLClient.Register(client, _keys);
        }

        return client;
    }

    /// <summary>Runs the Api's executable with arguments (the key command) to its end: exit code, standard output, standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = StartInfo(settings);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The key the key command printed (its own line, beside any log lines).</summary>
    public static string KeyIn(string output) =>
        output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("lc_", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"The key command printed no key:\n{output}");

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LowCode.Api.dll"));
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    /// <summary>Completes when the process writes a line matching <paramref name="match"/> (or has already written one).</summary>
    public Task WaitForLineAsync(Func<string, bool> match, CancellationToken cancellationToken)
    {
        lock (_output)
        {
            if (_output.Any(match))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, seen));
            return seen.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The lines written so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
