using System.Globalization;

namespace PoaBot.Bench;

/// <summary>The command line of the benchmark: sizes of each scenario; 0 skips a scenario.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/PoaBot.Bench -- [--alone R] [--paced P] [--coordinators N] [--burst M] [--burst-users U] [--records R] [--runs K] [--fanout F]\n" +
        "       [--provider sqlite|postgresql] [--webhook N]   (postgresql: a server in POABOT_TEST_POSTGRES, as .ci/with-postgres sets)";

    /// <summary>Reports (7 steps each) by one person alone, unpaced, after a warm-up report.</summary>
    public int Alone { get; init; } = 30;

    /// <summary>Reports by one person alone tapping once a second, with the bot's pacing on and Telegram's limits enforced.</summary>
    public int Paced { get; init; } = 3;

    /// <summary>Coordinators who each register and report three meetings, all at once.</summary>
    public int Coordinators { get; init; } = 200;

    /// <summary>Updates injected at once in the burst scenario.</summary>
    public int Burst { get; init; } = 5_000;

    /// <summary>Registered people who send the burst.</summary>
    public int BurstUsers { get; init; } = 500;

    /// <summary>Records in the database of the /resumen scenario.</summary>
    public int Records { get; init; } = 100_000;

    /// <summary>Timed runs of each /resumen measure.</summary>
    public int Runs { get; init; } = 50;

    /// <summary>Reminders sent in the fan-out scenario, one per coordinator, with real pacing and rate limits.</summary>
    public int Fanout { get; init; } = 1_000;

    /// <summary>Where the bots of the scenarios run (all but /resumen, which measures SQLite queries).</summary>
    public Deployment Deployment { get; init; } = new();

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--provider")
            {
                var provider = i + 1 < args.Count ? args[++i] : "";
                options = provider is Deployment.Sqlite or Deployment.Postgres
                    ? options with { Deployment = options.Deployment with { Provider = provider } }
                    : throw new ArgumentException($"--provider is sqlite or postgresql.\n{Usage}");
                continue;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                throw new ArgumentException($"{name} needs a number ≥ 0.\n{Usage}");
            }

            i++;
            options = name switch
            {
                "--alone" => options with { Alone = value },
                "--paced" => options with { Paced = value },
                "--coordinators" => options with { Coordinators = value },
                "--burst" => options with { Burst = value },
                "--burst-users" => options with { BurstUsers = Math.Max(1, value) },
                "--records" => options with { Records = value },
                "--runs" => options with { Runs = Math.Max(1, value) },
                "--fanout" => options with { Fanout = value },
                "--webhook" => options with { Deployment = options.Deployment with { Webhook = value } },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }

        return options.Deployment switch
        {
            { Provider: Deployment.Sqlite, Webhook: > 1 } => throw new ArgumentException($"Several instances (--webhook {options.Deployment.Webhook}) need --provider postgresql.\n{Usage}"),
            { Provider: Deployment.Postgres } when Deployment.PostgresAdmin is null =>
                throw new ArgumentException("--provider postgresql needs a server in POABOT_TEST_POSTGRES: run the bench through .ci/with-postgres --durable."),
            _ => options,
        };
    }
}

/// <summary>
/// The database of the bots, and how they get updates: <see cref="Webhook"/> 0 is one host polling getUpdates; N is N hosts
/// in this process in webhook mode, behind a round-robin forwarder (as several processes behind a load balancer).
/// </summary>
internal sealed record Deployment(string Provider = Deployment.Sqlite, int Webhook = 0)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgresql";

    /// <summary>The admin connection string of the PostgreSQL server the bench creates its databases on.</summary>
    public static string? PostgresAdmin => Environment.GetEnvironmentVariable("POABOT_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public int Instances => Math.Max(1, Webhook);

    public override string ToString() =>
        (Provider == Postgres ? "PostgreSQL" : "SQLite") + " × " + Instances +
        (Webhook > 0 ? " in webhook mode behind a round-robin forwarder" : ", polling");
}
