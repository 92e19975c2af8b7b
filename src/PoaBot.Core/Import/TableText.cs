using System.Text;

namespace PoaBot.Core.Import;

/// <summary>Reads a spreadsheet exported as text: UTF-8, Windows-1252 or UTF-16; tab- or comma-separated; quoted multi-line cells.</summary>
public static class TableText
{
    static TableText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes)
    {
        // A byte order mark says the encoding.
        foreach (var encoding in new[] { Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.UTF8 })
        {
            if (bytes.AsSpan().StartsWith(encoding.Preamble))
            {
                return encoding.GetString(bytes, encoding.Preamble.Length, bytes.Length - encoding.Preamble.Length);
            }
        }

        // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
        if (bytes.Length >= 4 && bytes.Length % 2 == 0)
        {
            var head = bytes.Take(400).ToArray();
            int Zeros(int parity) => head.Where((b, i) => b == 0 && i % 2 == parity).Count();
            var half = head.Length / 2;
            if (Zeros(1) > half / 2)
            {
                return Encoding.Unicode.GetString(bytes);
            }

            if (Zeros(0) > half / 2)
            {
                return Encoding.BigEndianUnicode.GetString(bytes);
            }
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// <summary>
    /// Splits text into rows of cells. The separator is a tab when the text has one, else a semicolon when there are
    /// more semicolons than commas (Excel's CSV where the comma is the decimal separator), else a comma.
    /// </summary>
    public static IReadOnlyList<string[]> Rows(string text)
    {
        var separator = text.Contains('\t', StringComparison.Ordinal) ? '\t'
            : text.Count(c => c == ';') > text.Count(c => c == ',') ? ';' : ',';
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var atCellStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            if (c == '"' && atCellStart)
            {
                quoted = true;
                atCellStart = false;
            }
            else if (c == separator)
            {
                row.Add(cell.ToString());
                cell.Clear();
                atCellStart = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                atCellStart = true;
            }
            else
            {
                cell.Append(c);
                atCellStart = false;
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
