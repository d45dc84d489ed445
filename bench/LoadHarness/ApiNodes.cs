using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LowCode.LoadHarness;

/// <summary>
/// Api processes the harness starts: <c>dotnet LowCode.Api.dll</c> in Production on free loopback ports, over a fresh
/// SQLite file or a shared PostgreSQL database, after making the two keys it needs with the Api's own key command.
/// </summary>
internal sealed class ApiNodes : IAsyncDisposable
{
    private readonly string _apiDll;
    private readonly string? _postgres;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lowcode-load", Guid.NewGuid().ToString("N"));
    private readonly List<Process> _processes = [];

    private ApiNodes(string apiDll, string? postgres)
    {
        _apiDll = apiDll;
        _postgres = postgres;
        Directory.CreateDirectory(_folder);
    }

    public List<Uri> Addresses { get; } = [];

    public string AdminKey { get; private set; } = string.Empty;

    public string UserKey { get; private set; } = string.Empty;

    /// <summary>CPU time the node processes have used so far (user and system): what the Api costs, apart from the harness.</summary>
    public TimeSpan CpuTime()
    {
        var total = TimeSpan.Zero;
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            process.Refresh();
            total += process.TotalProcessorTime;
        }

        return total;
    }

    public static async Task<ApiNodes> StartAsync(string apiDll, string? postgres, int count)
    {
        var nodes = new ApiNodes(apiDll, postgres);
        try
        {
            // The key command migrates the database first, so the nodes start on a current schema.
            nodes.AdminKey = await nodes.CreateKeyAsync("load-admin", "load-admin@example.com", "admin", null);
            nodes.UserKey = await nodes.CreateKeyAsync("load-user", "load-user@example.com", "user", LoadDefinitions.Group);
            for (var i = 0; i < count; i++)
            {
                nodes.Addresses.Add(await nodes.StartNodeAsync());
            }

            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task<string> CreateKeyAsync(string name, string principal, string permissions, string? groups)
    {
        var info = Info(port: 0);
        foreach (var argument in new[] { "keys", "create", "--name", name, "--principal", principal, "--permissions", permissions, "--groups", groups ?? string.Empty })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (await output).Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("lc_", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"keys create failed ({process.ExitCode}): {await error}");
    }

    private async Task<Uri> StartNodeAsync()
    {
        var port = FreePort();
        var process = Process.Start(Info(port))!;
        _processes.Add(process);
        var log = new List<string>();
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                using var response = await probe.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return address;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Api exited with code {process.ExitCode} during start-up:\n{Joined(log)}");
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The Api was not ready on {address} within two minutes:\n{Joined(log)}");
    }

    private ProcessStartInfo Info(int port)
    {
        var info = new ProcessStartInfo("dotnet", [_apiDll])
        {
            WorkingDirectory = Path.GetDirectoryName(_apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        info.Environment["LowCode__Database__Provider"] = _postgres is null ? "Sqlite" : "PostgreSQL";
        info.Environment["ConnectionStrings__LowCode"] = _postgres ?? $"Data Source={Path.Combine(_folder, "load.db")}";
        info.Environment["LowCode__LoadSeedApps"] = "false";
        info.Environment["LowCode__RateLimit__PermitsPerSecond"] = "0";
        info.Environment["LowCode__Timers__PollInterval"] = "00:00:01";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return info;
    }

    private static void Keep(List<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Add(line);
            if (log.Count > 200)
            {
                log.RemoveAt(0);
            }
        }
    }

    private static string Joined(List<string> log)
    {
        lock (log)
        {
            return string.Join('\n', log);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
