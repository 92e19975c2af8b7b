using System.Threading.Channels;
using PoaBot.FakeTelegram;

namespace PoaBot.Bench;

/// <summary>
/// A person on a phone: acts, then waits for the bot's answer before the next step. Records the latency of every step,
/// from the moment the update was injected into the fake server to the moment the fake recorded the bot's reply.
/// </summary>
internal sealed class Coordinator(FakeBotApi fake, long id, ChannelReader<SentMessage> replies, TimeSpan pace = default)
{
    private DateTimeOffset lastStep = DateTimeOffset.MinValue;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private SentMessage? keyboard;

    public long Id => id;

    public List<double> LatenciesMs { get; } = [];

    /// <summary>Every step: the update's id, when it was injected, and when the fake recorded the awaited reply.</summary>
    public List<(long UpdateId, DateTimeOffset InjectedAt, DateTimeOffset ReplyAt)> Steps { get; } = [];

    /// <summary>When the fake recorded the last reply this person waited for.</summary>
    public DateTimeOffset LastReplyAt { get; private set; }

    /// <summary>Registers with the invite, then reports meetings the way the end-to-end tests do: 1 + 6 updates per meeting.</summary>
    public async Task RegisterAndReportAsync(string invite, int meetings = 1)
    {
        await SayAsync($"/start {invite}", "Bienvenido");
        for (var i = 0; i < meetings; i++)
        {
            await ReportAsync();
        }
    }

    /// <summary>Reports a meeting: 6 updates.</summary>
    public async Task ReportAsync()
    {
        await SayAsync("/reportar", "¿Qué desea reportar?");
        await TapAsync("Reunión", "¿Cuántas personas asistieron?");
        await SayAsync("25", "acuerdos");
        await SayAsync("Bacheo de la calle Hidalgo y limpieza del jardín", "evidencia");
        await TapAsync("Omitir", "Revise su reporte");
        await TapAsync("Guardar", "Guardado con folio");
    }

    private async Task SayAsync(string text, string expect)
    {
        await PaceAsync();
        var at = DateTimeOffset.UtcNow;
        var update = fake.SendText(id, text);
        await ReplyAsync(update, at, expect);
    }

    private async Task TapAsync(string label, string expect)
    {
        var message = keyboard ?? throw new InvalidOperationException($"Chat {id}: no message with buttons to tap «{label}».");
        var button = message.InlineKeyboard.SelectMany(r => r).FirstOrDefault(b => b.Text.Contains(label, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Chat {id}: no button «{label}» in «{message.Text}».");
        await PaceAsync();
        var at = DateTimeOffset.UtcNow;
        var update = fake.PressButton(id, message.MessageId, button.CallbackData);
        await ReplyAsync(update, at, expect);
    }

    /// <summary>A person tapping at a steady rhythm: each step starts <c>pace</c> after the previous one started.</summary>
    private async Task PaceAsync()
    {
        var wait = lastStep + pace - DateTimeOffset.UtcNow;
        if (pace > TimeSpan.Zero && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        lastStep = DateTimeOffset.UtcNow;
    }

    private async Task ReplyAsync(long updateId, DateTimeOffset injectedAt, string expect)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            SentMessage message;
            try
            {
                message = await replies.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Chat {id}: no reply containing «{expect}» within {Patience.TotalSeconds} s.");
            }

            if (message.InlineKeyboard.Count > 0)
            {
                keyboard = message;
            }

            if (message.Text.Contains(expect, StringComparison.Ordinal))
            {
                LatenciesMs.Add((message.At - injectedAt).TotalMilliseconds);
                Steps.Add((updateId, injectedAt, message.At));
                LastReplyAt = message.At;
                return;
            }
        }
    }
}
