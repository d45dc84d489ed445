namespace LowCode.LoadHarness;

/// <summary>The command line (see <see cref="HarnessOptions.Help"/>): exit code 0 clean, 1 any failed request or check, 2 bad usage.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var (options, error) = HarnessOptions.Parse(args);
        if (options is null || error is not null)
        {
            await Console.Error.WriteLineAsync((error ?? "Bad usage.") + Environment.NewLine + Environment.NewLine + HarnessOptions.Help);
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(HarnessOptions.Help);
            return 0;
        }

        await using var started = options.ApiDll is null ? null : await ApiNodes.StartAsync(options.ApiDll, options.Postgres, options.Nodes);
        var addresses = started?.Addresses ?? [.. options.Urls];
        var clients = addresses.Select(Client).ToList();
        try
        {
            var run = new LoadRun(options, clients, addresses, started?.AdminKey ?? options.AdminKey!, started?.UserKey ?? options.UserKey!, Console.Out, started is null ? null : started.CpuTime);
            var result = await run.RunAsync();
            if (result.Rounds.Count == 0)
            {
                Console.WriteLine("FAILED before the first round: " + string.Join("; ", result.Setup.FailureSamples));
            }

            return result.Failures == 0 ? 0 : 1;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static HttpClient Client(Uri address) => new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };
}
