using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

// Usage: LowCode.CrashSafety API_DLL SEED_DIR [kills=2] [workers=6] [--fault]
// Exit code 0: every acknowledged completion is stored and no instance is half-moved; 1: a violation; 2: bad usage.
if (args.Length < 2)
{
    Console.Error.WriteLine("Usage: LowCode.CrashSafety API_DLL SEED_DIR [kills] [workers] [--fault]");
    return 2;
}

var apiDll = Path.GetFullPath(args[0]);
var seed = Path.GetFullPath(args[1]);
var kills = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var k) ? k : 2;
var workers = args.Length > 3 && int.TryParse(args[3], CultureInfo.InvariantCulture, out var w) ? w : 6;
var fault = args.Contains("--fault");
var folder = Path.Combine(Path.GetTempPath(), "lowcode-crash", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    return await new CrashRun(apiDll, seed, folder, kills, workers, fault).RunAsync();
}
finally
{
    Directory.Delete(folder, recursive: true);
}

/// <summary>One harness run: start, drive, kill -9, restart, … then verify from the restarted process.</summary>
internal sealed class CrashRun(string apiDll, string seed, string folder, int kills, int workers, bool fault)
{
    private const string Claim = """{"employee":{"employeeName":"Crash Test","employeeEmail":"emma@example.com","managerEmail":"max@example.com","department":"sales","costCenter":"CC-1234"},"currency":"EUR","lines":[{"date":"2026-02-20","category":"meals","description":"Dinner","amount":30}]}""";
    private readonly List<(string Task, string Instance, string Step)> _acknowledged = [];
    private readonly HashSet<string> _instances = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly int _port = FreePort();
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    public async Task<int> RunAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}/"), Timeout = TimeSpan.FromSeconds(30) };

        // The Api runs as in production, so the workers sign with keys made by its key command first.
        _keys["emma@example.com"] = await CreateKeyAsync("emma@example.com", "employee");
        _keys["max@example.com"] = await CreateKeyAsync("max@example.com", null);
        for (var round = 0; round < kills; round++)
        {
            using var api = await StartAsync(http);
            var target = Count() + Random.Shared.Next(20, 120);
            using var stop = new CancellationTokenSource();
            var drivers = Enumerable.Range(0, workers).Select(_ => Task.Run(() => DriveAsync(http, stop.Token))).ToList();
            while (Count() < target && !drivers.All(d => d.IsCompleted))
            {
                await Task.Delay(5);
            }

            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(drivers);
            Console.WriteLine($"kill {round + 1}: {Count()} completions acknowledged so far");
        }

        using var final = await StartAsync(http);
        var violations = await VerifyAsync(http);
        final.Kill(entireProcessTree: true);
        await final.WaitForExitAsync();
        foreach (var violation in violations.Take(20))
        {
            Console.WriteLine("VIOLATION " + violation);
        }

        Console.WriteLine(violations.Count == 0
            ? $"OK: {Count()} acknowledged completions over {_instances.Count} instances and {kills} kills; every one stored, no instance half-moved"
            : $"FAILED: {violations.Count} violations");
        return violations.Count == 0 ? 0 : 1;
    }

    private int Count()
    {
        lock (_gate)
        {
            return _acknowledged.Count;
        }
    }

    private async Task DriveAsync(HttpClient http, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var started = await PostAsync(http, "mutation($k: String) { startProcess(key: \"expense-approval\", idempotencyKey: $k) { instance { id } createdTasks { id } error { kind } } }", new { k = Guid.NewGuid().ToString("N") });
                var start = started.GetProperty("startProcess");
                var instance = start.GetProperty("instance").GetProperty("id").GetString()!;
                lock (_gate)
                {
                    _instances.Add(instance);
                }

                var task = start.GetProperty("createdTasks")[0].GetProperty("id").GetString()!;
                var next = await CompleteAsync(http, task, instance, "submit", JsonDocument.Parse(Claim).RootElement, null);
                if (next is not null)
                {
                    await CompleteAsync(http, next, instance, "managerApproval", JsonDocument.Parse("""{"reviewComment":"ok"}""").RootElement, "approved");
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            // The process was killed mid-request: that call was never acknowledged, so it is not in the log.
        }
    }

    private async Task<string?> CompleteAsync(HttpClient http, string task, string instance, string step, JsonElement data, string? outcome)
    {
        var result = (await PostAsync(http, "mutation($id: ID!, $data: JSON, $o: String, $k: String) { completeTask(id: $id, data: $data, outcome: $o, idempotencyKey: $k) { createdTasks { id } error { kind message } } }", new { id = task, data, o = outcome, k = task }, outcome is null ? "emma@example.com" : "max@example.com")).GetProperty("completeTask");
        if (result.GetProperty("error").ValueKind != JsonValueKind.Null)
        {
            throw new InvalidOperationException(result.GetProperty("error").ToString());
        }

        lock (_gate)
        {
            _acknowledged.Add((task, instance, step));
        }

        return result.GetProperty("createdTasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()).FirstOrDefault();
    }

    private async Task<List<string>> VerifyAsync(HttpClient http)
    {
        var violations = new List<string>();
        List<(string Task, string Instance, string Step)> acknowledged;
        List<string> instances;
        lock (_gate)
        {
            acknowledged = [.. _acknowledged];
            instances = [.. _instances];
        }

        foreach (var (task, _, step) in acknowledged)
        {
            var status = (await PostAsync(http, "query($id: ID!) { task(id: $id) { status } }", new { id = task })).GetProperty("task");
            if (status.ValueKind == JsonValueKind.Null || status.GetProperty("status").GetString() != "COMPLETED")
            {
                violations.Add($"acknowledged completion of {step} task {task} is not stored as completed");
            }
        }

        foreach (var instance in instances)
        {
            var timeline = (await PostAsync(http, "query($id: ID!) { instance(id: $id) { timeline { type stepKey } } }", new { id = instance })).GetProperty("instance");
            if (timeline.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            // Half-moved: a completion committed without the routing that must come with it in the same transaction.
            var events = timeline.GetProperty("timeline").EnumerateArray().Select(e => (Type: e.GetProperty("type").GetString(), Step: e.GetProperty("stepKey").GetString())).ToList();
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i].Type == "taskCompleted" && !events.Skip(i + 1).Any(e => e.Type == "routeDecided" && e.Step == events[i].Step))
                {
                    violations.Add($"instance {instance}: {events[i].Step} was completed but never routed on (half-moved)");
                }
            }
        }

        return violations;
    }

    private async Task<string> CreateKeyAsync(string principal, string? groups)
    {
        var info = Info();
        foreach (var argument in new[] { "keys", "create", "--name", principal, "--principal", principal, "--permissions", "user,analyst", "--groups", groups ?? string.Empty })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("lc_", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"keys create failed ({process.ExitCode}): {error}");
    }

    private async Task<JsonElement> PostAsync(HttpClient http, string query, object variables, string user = "emma@example.com")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new("Bearer", _keys[user]);
        using var response = await http.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? data.Clone()
            : throw new InvalidOperationException(document.RootElement.ToString());
    }

    private async Task<Process> StartAsync(HttpClient http)
    {
        var process = Process.Start(Info())!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Api exited with code {process.ExitCode} during start-up.");
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The Api did not answer /health within a minute.");
    }

    private ProcessStartInfo Info()
    {
        var info = new ProcessStartInfo("dotnet", [apiDll])
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ConnectionStrings__LowCode"] = $"Data Source={Path.Combine(folder, "crash.db")}";
        info.Environment["Urls"] = $"http://127.0.0.1:{_port}";
        info.Environment["LowCode__SeedDirectory"] = seed;
        info.Environment["LowCode__Runtime__FaultSplitStepCommit"] = fault ? "true" : "false";
        info.Environment["LowCode__RateLimit__PermitsPerSecond"] = "0";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
