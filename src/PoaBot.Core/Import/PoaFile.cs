using System.IO.Compression;
using PoaBot.Core.Reporting;

namespace PoaBot.Core.Import;

/// <summary>
/// Reads a POA file of any accepted kind: the spreadsheet exported as TSV or CSV, or an XLSX in the export's layout.
/// A hostile file is refused before it costs much: at most <see cref="MaxFileBytes"/> on disk, an XLSX whose parts
/// unpack to at most <see cref="MaxUnpackedBytes"/> (checked on the zip's directory before anything is unpacked),
/// at most <see cref="MaxRows"/> rows and <see cref="MaxActivities"/> activities. Any file that cannot be read
/// gets a Spanish refusal, never a crash.
/// </summary>
public static class PoaFile
{
    /// <summary>Telegram lets a bot download at most 20 MB; the command line keeps the same limit.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>All the parts of an XLSX together, unpacked (a real POA workbook is well under 1 MB).</summary>
    public const long MaxUnpackedBytes = 64 * 1024 * 1024;

    public const int MaxRows = 2_000;

    public const int MaxActivities = 200;

    public static PoaDocument Parse(string path, string name)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw new PoaImportException(ImportText.TooBig(MaxFileBytes / 1024 / 1024));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            throw new PoaImportException(ImportText.Unreadable);
        }

        var isZip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        var rows = isZip || name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? WorkbookRows(bytes) : TextRows(bytes);
        if (rows.Count > MaxRows)
        {
            throw new PoaImportException(ImportText.TooManyRows(MaxRows));
        }

        var document = PoaDocumentParser.Parse(rows);
        if (document.Activities.Count > MaxActivities)
        {
            throw new PoaImportException(ImportText.TooManyActivities(document.Activities.Count, MaxActivities));
        }

        return document;
    }

    private static IReadOnlyList<string[]> TextRows(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new PoaImportException(ImportText.Empty);
        }

        var text = TableText.Decode(bytes);
        if (text.AsSpan().Count('\n') > MaxRows * 10)
        {
            throw new PoaImportException(ImportText.TooManyRows(MaxRows));
        }

        return TableText.Rows(text);
    }

    private static IReadOnlyList<string[]> WorkbookRows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        CheckUnpackedSize(stream);
        stream.Position = 0;
        try
        {
            return PoaWorkbook.ReadTable(stream);
        }
        catch (Exception ex) when (ex is not PoaImportException and not OutOfMemoryException)
        {
            // A workbook whose parts point to missing or broken parts: the reader may fail in ways it does not name.
            throw new PoaImportException(ImportText.XlsxDamaged);
        }
    }

    /// <summary>Refuses a zip bomb by the sizes its directory declares, before unpacking anything.</summary>
    private static void CheckUnpackedSize(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUnpackedBytes || zip.Entries.Count > 10_000)
                {
                    throw new PoaImportException(ImportText.UnpacksTooBig(MaxUnpackedBytes / 1024 / 1024));
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new PoaImportException(ImportText.NotXlsx);
        }
    }
}
