using System.Globalization;
using Microsoft.Extensions.Hosting;
using PoaBot.Operations;

namespace PoaBot.Tests.Operations;

/// <summary>deploy/poabot.service holds what the operator relies on (systemd-analyze verify checks the syntax in CI).</summary>
public sealed class ServiceUnitTests
{
    private static readonly Lazy<ILookup<string, string>> Service = new(() => Read("Service"));

    [Theory]
    [InlineData("Type", "notify")]
    [InlineData("Restart", "always")]
    [InlineData("StateDirectory", "poabot")]
    [InlineData("DynamicUser", "yes")]
    [InlineData("NoNewPrivileges", "yes")]
    [InlineData("ProtectSystem", "strict")]
    [InlineData("PrivateTmp", "yes")]
    [InlineData("ProtectHome", "yes")]
    [InlineData("LoadCredential", "Telegram__Token:/etc/poabot/token")]
    public void The_unit_sets(string key, string value) => Assert.Contains(value, Service.Value[key]);

    [Fact]
    public void The_token_comes_as_a_credential_never_as_an_environment_variable() =>
        Assert.DoesNotContain(Service.Value["Environment"], e => e.Contains("Token", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void The_database_lives_in_the_state_directory() =>
        Assert.Contains("Storage__Path=/var/lib/poabot/poabot.db", Service.Value["Environment"]);

    [Fact]
    public void Systemd_waits_longer_to_stop_than_the_host_waits_for_its_workers() =>
        Assert.True(Seconds("TimeoutStopSec") > new HostOptions().ShutdownTimeout.TotalSeconds);

    [Fact]
    public void The_watchdog_allows_for_a_feed_period_after_the_liveness_window() =>
        Assert.True(Seconds("WatchdogSec") > (HealthMonitor.AliveWithin + HealthMonitor.Period).TotalSeconds);

    private static double Seconds(string key) => double.Parse(Service.Value[key].Single(), CultureInfo.InvariantCulture);

    private static ILookup<string, string> Read(string section)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "PoaBot.sln")))
        {
            folder = folder.Parent;
        }

        var current = "";
        var pairs = new List<(string Key, string Value)>();
        foreach (var raw in File.ReadLines(Path.Combine(folder.FullName, "deploy", "poabot.service")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                current = line.Trim('[', ']');
            }
            else if (current == section && line.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq)
            {
                pairs.Add((line[..eq], line[(eq + 1)..]));
            }
        }

        return pairs.ToLookup(p => p.Key, p => p.Value);
    }
}
