using System.Globalization;

namespace LowCode.LoadHarness;

/// <summary>What one harness invocation does, read from its command line.</summary>
internal sealed record HarnessOptions
{
    public const string Help = """
        LowCode load harness: concurrent GraphQL clients against the real Api over HTTP on loopback. Each client starts
        an expense-claim-like instance (process load-claim), opens its task with task(id) and completes it, then opens and
        approves the approval: 5 requests, 2 completions per instance. Every request is timed; any HTTP error, GraphQL
        error or unexpected payload is a failed request, and any failed request makes the exit code 1.

        Usage:
          LowCode.LoadHarness --api PATH/LowCode.Api.dll [--postgres CONNECTION] [--nodes N] [options]
          LowCode.LoadHarness --url http://host:port/ [--url ...] --admin-key KEY --user-key KEY [options]

        Where the Api is:
          --api DLL            start the Api (Production, seed apps off, rate limit off, timers polled every second) on
                               free loopback ports; keys are made with its `keys create` command first
          --postgres CONN      the nodes share this PostgreSQL database (default: a fresh SQLite file in a temp folder)
          --nodes N            how many Api processes to start (default 1; PostgreSQL only above 1)
          --url URL            target running nodes instead (repeat for several); the user key needs the `user`
                               permission and the group `load`, the admin key `admin`; switch the node's
                               LowCode:RateLimit:PermitsPerSecond to 0 or the limiter answers 429

        What to run (modes are interleaved round by round, so a busy machine hurts each alike):
          --modes LIST         comma-separated, from:
                                 max      closed loop: --clients clients, each starting its next instance at once
                                 rate     open loop: --seconds x --rate/2 instances (2 completions each) arrive on a
                                          fixed schedule whatever the Api does, so latency includes queueing (the
                                          first request is timed from its slot); the round lasts until all are done
                                 publish  max, while an admin saves a changed draft of the routing rule set, dry-runs
                                          it and publishes it live (publishRuleSet with the dry run's id) every
                                          --publish-every; each decision after a publish must be on its version
                                 viewer   closed loop of `{ viewer { id } }` only (authentication and the GraphQL
                                          path with no work behind it)
                                 evaluate closed loop of evaluateForm on the claim form only (a keystroke)
                               (default max)
          --rounds N           rounds per mode (default 3)
          --seconds S          length of a round (default 10)
          --instances N        also end a round after N instances have been started (default: no limit)
          --warmup N           instances run by the clients before the first round, not timed (default 2000: the
                               Api's JIT needs a few thousand requests to reach its steady state); their failed
                               requests count like any other
          --clients N          concurrent clients in max and publish (default 64)
          --rate R             completions per second in rate (default 500)
          --publish-every MS   milliseconds between republishes (default 1000)
          --timers             use process load-claim-timed (a 1-second timer step after the approval) and check,
                               after the last round, that every timer fired exactly once and every instance ended
          --duplicates         send every completeTask twice at once with the same idempotency key (a client
                               retrying before the answer): both must succeed, exactly one doing the work
          --subscribe          with several nodes: subscribe on the first node to the rule set's publishes and
                               republish through the second; every publish must arrive
          --help               this text

        Exit code: 0 no failed request and every check held; 1 otherwise; 2 bad usage.
        """;

    public string? ApiDll { get; init; }

    public string? Postgres { get; init; }

    public int Nodes { get; init; } = 1;

    public IReadOnlyList<Uri> Urls { get; init; } = [];

    public string? AdminKey { get; init; }

    public string? UserKey { get; init; }

    public IReadOnlyList<LoadMode> Modes { get; init; } = [LoadMode.Max];

    public int Rounds { get; init; } = 3;

    public TimeSpan RoundLength { get; init; } = TimeSpan.FromSeconds(10);

    public int? MaxInstances { get; init; }

    public int Warmup { get; init; } = 2000;

    public int Clients { get; init; } = 64;

    public double Rate { get; init; } = 500;

    public TimeSpan PublishEvery { get; init; } = TimeSpan.FromSeconds(1);

    public bool Timers { get; init; }

    public bool Subscribe { get; init; }

    public bool Duplicates { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>The options, or why the command line is wrong.</summary>
    public static (HarnessOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new HarnessOptions();
        var urls = new List<Uri>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                return (options with { ShowHelp = true }, null);
            }

            if (name is "--timers" or "--subscribe" or "--duplicates")
            {
                options = name switch
                {
                    "--timers" => options with { Timers = true },
                    "--subscribe" => options with { Subscribe = true },
                    _ => options with { Duplicates = true },
                };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value.");
            }

            var value = args[++i];
            try
            {
                options = name switch
                {
                    "--api" => options with { ApiDll = Path.GetFullPath(value) },
                    "--postgres" => options with { Postgres = value },
                    "--nodes" => options with { Nodes = Positive(name, value) },
                    "--url" => options,
                    "--admin-key" => options with { AdminKey = value },
                    "--user-key" => options with { UserKey = value },
                    "--modes" => options with { Modes = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseMode)] },
                    "--rounds" => options with { Rounds = Positive(name, value) },
                    "--seconds" => options with { RoundLength = TimeSpan.FromSeconds(Positive(name, value)) },
                    "--instances" => options with { MaxInstances = Positive(name, value) },
                    "--warmup" => options with { Warmup = value == "0" ? 0 : Positive(name, value) },
                    "--clients" => options with { Clients = Positive(name, value) },
                    "--rate" => options with { Rate = Positive(name, value) },
                    "--publish-every" => options with { PublishEvery = TimeSpan.FromMilliseconds(Positive(name, value)) },
                    _ => throw new FormatException($"Unknown option {name}; see --help."),
                };
                if (name == "--url")
                {
                    urls.Add(Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url)
                        ? url
                        : throw new FormatException($"--url {value} is not an absolute URL such as http://127.0.0.1:5000/."));
                }
            }
            catch (FormatException ex)
            {
                return (null, ex.Message);
            }
        }

        options = options with { Urls = urls };
        return (options, Check(options));
    }

    private static string? Check(HarnessOptions options)
    {
        if (options.ShowHelp)
        {
            return null;
        }

        if ((options.ApiDll is null) == (options.Urls.Count == 0))
        {
            return "Say where the Api is: --api PATH/LowCode.Api.dll to start it, or --url URL to target running nodes (not both).";
        }

        if (options.Urls.Count > 0 && (options.AdminKey is null || options.UserKey is null))
        {
            return "With --url, give --admin-key (permission admin) and --user-key (permission user, group load).";
        }

        if (options.ApiDll is not null && !File.Exists(options.ApiDll))
        {
            return $"--api {options.ApiDll} does not exist; build it with: dotnet build -c Release src/Api -p:SkipDesignerBuild=true";
        }

        if (options.Nodes > 1 && options.Postgres is null)
        {
            return "Several nodes share one database: give --postgres CONNECTION (tests/pg-cluster.sh start DIR durable prints one).";
        }

        if (options.Subscribe && Math.Max(options.Nodes, options.Urls.Count) < 2)
        {
            return "--subscribe checks delivery across nodes: it needs --nodes 2 (or two --url).";
        }

        return options.Modes.Count == 0 ? "--modes names no mode; use max, rate, publish, viewer and/or evaluate." : null;
    }

    private static LoadMode ParseMode(string text) => text switch
    {
        "max" => LoadMode.Max,
        "rate" => LoadMode.Rate,
        "publish" => LoadMode.Publish,
        "viewer" => LoadMode.Viewer,
        "evaluate" => LoadMode.Evaluate,
        _ => throw new FormatException($"Unknown mode '{text}' in --modes; use max, rate, publish, viewer and/or evaluate."),
    };

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FormatException($"{name} needs a positive whole number, not '{value}'.");
}
