using System.Diagnostics;
using System.Globalization;
using PoaBot.Core.People;

namespace PoaBot.Tests.EndToEnd;

/// <summary>Exports and charts are rendered after the commit, outside the write transaction: other chats are not held.</summary>
public sealed class RenderEndToEndTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task While_an_export_is_being_written_another_coordinators_report_is_answered(string provider)
    {
        await using var bot = await LiveBot.StartAsync(provider: provider);
        var director = await bot.RegisterAsync(5401, Roles.Director);
        var beto = await bot.RegisterAsync(5402);

        // The export's file is a named pipe: writing it blocks until the test reads it, so the export stays "running".
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City")).DateTime);
        var folder = Path.Combine(Path.GetDirectoryName(bot.DatabasePath)!, "exportes");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"POA-{today.Year.ToString(CultureInfo.InvariantCulture)}-al-{today.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}.xlsx");
        using (var mkfifo = Process.Start("mkfifo", [path]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var mark = bot.Fake.MessageCount;
        bot.Fake.SendText(director.Id, "/exportar");
        var passed = false;
        try
        {
            await beto.SayAsync("/reportar", "¿Qué desea reportar?");
            await beto.TapAsync("Reunión", "¿Cuántas personas asistieron?");

            // Beto went two steps while the export was still being written: the director has nothing yet.
            Assert.DoesNotContain(bot.Fake.Messages.Skip(mark), m => m.ChatId == director.Id);
            var workbook = await Task.Run(() => File.ReadAllBytes(path)).WaitAsync(Bounded);

            // The sender reads the same pipe to send it: give it the workbook again.
            var feed = Task.Run(() => File.WriteAllBytes(path, workbook));
            var export = await bot.Fake.WaitForMessageSinceAsync(mark, director.Id, m => m.Method == "sendDocument", Bounded);
            await feed.WaitAsync(Bounded);
            Assert.Equal(workbook, export.FileContent);
            passed = true;
        }
        finally
        {
            if (!passed)
            {
                Release(path);
            }
        }
    }

    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After a failure, whoever is still blocked on the pipe (the export writing it, the sender reading it) is let go, so the
    /// host can stop and the run goes on: a failing test must never hang.
    /// </summary>
    private static void Release(string pipe)
    {
        _ = Task.Run(() =>
        {
            using var reader = new FileStream(pipe, FileMode.Open, FileAccess.Read);
            reader.CopyTo(Stream.Null);
        });
        _ = Task.Run(() => File.WriteAllBytes(pipe, []));
    }
}
