using System.Text;

namespace PoaBot.Tests.Conversations;

/// <summary>What the fuzz tests type and tap: words the bot knows, button data it may or may not know, random Unicode.</summary>
internal static class FuzzText
{
    public static readonly string[] Words =
    [
        "/reportar", "/resumen", "/resumen consejos", "/misreportes", "/folio DPC-2024-0001", "/folio", "/cancelar", "/ayuda", "/personas", "/invitar",
        "/consejos", "/importar", "/exportar", "/justificar", "/reabrir", "/recordatorios", "/start", "/start abc", "/start " + new string('x', 70),
        "Reportar", "Resumen", "Ayuda", "cancelar", "Omitir", "Atrás", "hoy", "ayer", "15/04/2024", "31/02/2024", "01/01/1900", "doce", "-3", "1e9",
        "25", "0", "99999999999999999999", "Consejo Centro", "1", "2", "3", "4", "sí", "no",
    ];

    public static readonly string[] Actions =
    [
        "a:1", "a:2", "a:3", "a:4", "a:999999", "c:1", "c:2", "c:3", "d:hoy", "d:ayer", "d:otra", "y:2024", "y:1999", "save", "edit", "skip", "back",
        "cancel", "resume", "discard", "v:1", "v:2", "m:1", "f:Date", "f:Count", "d:1", "r:0", "r:1", "role:director", "role:coordinador", "t:1", "done",
        "add", "import", "o:20242", "e:Date", "e:Evidence", "p:1", "p:new", "", "|", ":::", "a:-1", "a:1:2:3",
    ];

    /// <summary>Random text from the whole of Unicode: lone surrogates and non-characters (U+FFFE, U+FFFF) included.</summary>
    public static string Text(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, random.Next(10) == 0 ? 5_000 : 40);
        while (text.Length < length)
        {
            switch (random.Next(6))
            {
                case 0:
                    text.Append(Words[random.Next(Words.Length)]);
                    break;
                case 1:
                    text.Append("\u202E\u200D\u200B\u0000\u00A0\u2028\uFEFF\uFFFE\uFFFF\uD800\uDFFF"[random.Next(11)]);
                    break;
                case 2:
                    text.Append(char.ConvertFromUtf32(0x1F300 + random.Next(0x300)));
                    break;
                case 3:
                    text.Append((char)random.Next(0x20, 0x7F));
                    break;
                default:
                    var codePoint = random.Next(1, 0x110000);
                    text.Append(codePoint is >= 0xD800 and <= 0xDFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint));

                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Callback data as a forger would write it: known actions, reminder buttons with any numbers, sequence numbers near <paramref name="seq"/>.</summary>
    public static string Data(Random random, int seq) => random.Next(4) switch
    {
        0 => Actions[random.Next(Actions.Length)],
        1 => $"j:{random.Next(-2, 9)}:{random.Next(-1, 8)}",
        2 => $"r:{random.Next(-2, 9)}",
        _ => $"{seq - random.Next(0, 3)}|{Actions[random.Next(Actions.Length)]}",
    };
}
