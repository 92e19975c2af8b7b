using PoaBot.Core.Reporting;

namespace PoaBot.Core.Import;

/// <summary>Reads a POA file of any accepted kind: the spreadsheet exported as TSV or CSV, or an XLSX in the export's layout.</summary>
public static class PoaFile
{
    public static PoaDocument Parse(string path, string name)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            throw new PoaImportException("No pude leer el archivo; envíelo de nuevo.");
        }

        var isZip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (isZip || name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = new MemoryStream(bytes);
            return PoaDocumentParser.Parse(PoaWorkbook.ReadTable(stream));
        }

        return PoaDocumentParser.Parse(bytes);
    }
}
