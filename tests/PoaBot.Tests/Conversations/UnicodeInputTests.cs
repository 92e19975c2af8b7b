using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Conversations;

/// <summary>Any text is input: characters that are not ordinary text are accepted or refused kindly, never thrown on.</summary>
public sealed class UnicodeInputTests : IDisposable
{
    /// <summary>Named so that the test names stay readable (xunit shows theory data).</summary>
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["noncharacter U+FFFE"] = "Bacheo \uFFFE calle",
        ["noncharacter U+FDD0"] = "Bacheo \uFDD0",
        ["noncharacter U+10FFFF"] = "Bacheo \U0010FFFF",
        ["lone high surrogate"] = "Bacheo \uD800 calle",
        ["lone low surrogate"] = "\uDC00Bacheo",
        ["half an emoji at the end"] = "Bacheo \uD83D",
        ["right-to-left override"] = "Bacheo \u202Eolledih\u202C calle",
        ["bidi isolate left open"] = "Bacheo \u2067abc",
        ["zero-width joiner family"] = "Reunión con 👩‍👩‍👧 y 👍🏽",
        ["zero-width space and joiner"] = "Ba\u200Bcheo\u200D",
        ["NUL"] = "Bacheo\u0000calle",
        ["control characters"] = "Bacheo\u0001\u0007\u001B[31m\u007F\u0085 calle",
        ["byte order mark"] = "\uFEFFBacheo",
        ["combining marks"] = "Reunio\u0301n e\u0301\u0301\u0301\u0301",
        ["only a noncharacter"] = "\uFFFE",
        ["only a NUL"] = "\u0000",
    };

    private readonly ChatWorld world = new();

    public static TheoryData<string> Cases() => [.. Texts.Keys];

    public void Dispose() => world.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Such_text_at_rest_is_answered_kindly(string name)
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var before = world.Fingerprint("conversation");

        ana.Send(Texts[name]);

        Assert.NotEmpty(ana.Said);
        AssertShownSafely(ana.Last);
        Assert.Equal(before, world.Fingerprint("conversation"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Such_text_as_a_meetings_agreements_is_saved_as_written_and_shown_safely(string name)
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("/reportar").Press("Reunión").Send("25").Send(Texts[name]);
        AssertShownSafely(ana.Last);
        if (ana.Buttons.Any(b => b.Label.Contains("Omitir", StringComparison.Ordinal)))
        {
            ana.Press("Omitir");
            AssertShownSafely(ana.Last);
            ana.Press("Guardar");
            AssertShownSafely(ana.Last);
            Assert.Equal(Stored(Texts[name]), world.Records().Single().Agreements);
            ana.Send("/misreportes");
            AssertShownSafely(ana.Last);
        }
        else
        {
            // Refused kindly (e.g. nothing readable was written) and asked again; nothing saved.
            Assert.Contains("acuerdos", ana.Said, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(world.Records());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Such_text_as_a_persons_name_registers_them_and_is_shown_safely(string name)
    {
        var payload = world.Invite(PoaBot.Core.People.Roles.Coordinator, "Consejo Centro");
        var chat = new Chat(world, 7, Texts[name]);

        chat.Send($"/start {payload}");

        Assert.Contains("Bienvenid", chat.Said, StringComparison.Ordinal);
        AssertShownSafely(chat.Last);
        Assert.Equal(Stored(Texts[name]), world.Database.Read(db => db.Scalar<string>("SELECT name FROM person WHERE telegram_id = 7")));
        var director = world.Director();
        director.Send("/coordinadores");
        AssertShownSafely(director.Last);
    }

    [Theory]
    [InlineData("Reunión con 👩‍👩‍👧", 14, "Reunión con…")]
    [InlineData("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", 17, "👩‍👩‍👧👩‍👩‍👧…")]
    [InlineData("abcde", 5, "abcde")]
    [InlineData("abcdef", 5, "abcd…")]
    [InlineData("🇲🇽🇲🇽🇲🇽", 5, "🇲🇽…")]
    [InlineData("Reunio\u0301n larga", 8, "Reunio\u0301…")]
    public void Shorten_keeps_to_telegrams_utf16_limit_and_cuts_between_whole_characters_never_half_an_emoji(string text, int max, string expected) =>
        Assert.Equal(expected, Html.Shorten(text, max));

    /// <summary>What SQLite keeps: text stored as written, except that a lone surrogate (not text at all) becomes U+FFFD.</summary>
    private static string Stored(string text) => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text));

    private static void AssertShownSafely(TurnResult turn)
    {
        var shown = turn.Replies.Select(r => r.Html)
            .Concat(turn.Replies.SelectMany(r => r.Buttons.SelectMany(b => b.Select(x => x.Label))))
            .Append(turn.ButtonAnswer ?? "");
        foreach (var text in shown)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                Assert.False(char.IsControl(c) && c is not '\n', $"control U+{(int)c:X4} shown in: {text}");
                Assert.False(c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069', $"bidi control U+{(int)c:X4} shown in: {text}");
                Assert.False(c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF', $"noncharacter U+{(int)c:X4} shown in: {text}");
                if (char.IsHighSurrogate(c))
                {
                    Assert.True(i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]), $"lone surrogate shown in: {text}");
                    i++;
                }
                else
                {
                    Assert.False(char.IsLowSurrogate(c), $"lone surrogate shown in: {text}");
                }
            }
        }
    }
}
