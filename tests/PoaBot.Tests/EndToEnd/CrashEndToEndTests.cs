using System.Diagnostics;
using PoaBot.Core.People;

namespace PoaBot.Tests.EndToEnd;

/// <summary>The bot as its own process, killed with SIGKILL in the middle of a conversation, then started again.</summary>
public sealed class CrashEndToEndTests
{
    [Fact]
    public async Task The_bot_process_killed_mid_conversation_and_restarted_continues_it_and_loses_nothing()
    {
        await using var bot = await LiveBot.StartAsync();
        await bot.StopAsync();
        var payload = bot.Invite(Roles.Coordinator, "Consejo Centro");
        var process = StartProcess(bot);
        try
        {
            var ana = new LiveBot.User(bot, 9001);
            await ana.SayAsync($"/start {payload}", "Bienvenido");
            await ana.SayAsync("/reportar", "¿Qué desea reportar?");
            await ana.TapAsync("Reunión", "¿Cuántas personas asistieron?");

            // The answer arrives and the machine dies at once: stored or not, it must not be lost.
            var mark = bot.Fake.MessageCount;
            bot.Fake.SendText(ana.Id, "25");
            await KillAsync(process);
            process = StartProcess(bot);

            await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("acuerdos", StringComparison.Ordinal), LiveBot.Patience);
            await ana.SayAsync("Bacheo de la calle Hidalgo", "evidencia");
            await ana.TapAsync("Omitir", "Revise su reporte");
            var saved = await ana.TapAsync("Guardar", "Guardado con folio");

            var record = Assert.Single(bot.Records());
            Assert.Equal((25L, "Bacheo de la calle Hidalgo"), (record.Attendees!.Value, record.Agreements));
            Assert.Contains(record.Folio, saved.Text, StringComparison.Ordinal);
        }
        finally
        {
            await KillAsync(process);
        }
    }

    /// <summary>SIGKILLs the process and its children and waits (bounded: a test fails, it never hangs) for it to be gone.</summary>
    internal static async Task KillAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        process.Dispose();
    }

    /// <summary>Starts <c>poabot run</c> as its own process against the bot's fake server and database, with extra environment settings.</summary>
    internal static Process StartProcess(LiveBot bot, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "poabot.dll"), "run"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(bot.DatabasePath)!,
        };
        info.Environment["Telegram__Token"] = LiveBot.Token;
        info.Environment["Telegram__ApiBaseUrl"] = bot.Fake.BaseUrl.ToString();
        info.Environment["Telegram__PollTimeout"] = "00:00:01";
        foreach (var (key, value) in bot.StorageSettings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
