namespace PoaBot.Core.Samples;

/// <summary>What ships with PoaBot so anyone can try it: the directorate's real POA 2024 and a few sample councils.</summary>
public static class SampleData
{
    public const string PoaFileName = "poa-2024.txt";

    public static IReadOnlyList<(string Name, string Locality)> Councils { get; } =
    [
        ("Consejo Barrio de San Juan", "Cabecera municipal"),
        ("Consejo Colonia Centro", "Cabecera municipal"),
        ("Consejo Localidad El Rosario", "El Rosario"),
    ];

    public static byte[] PoaBytes()
    {
        using var stream = typeof(SampleData).Assembly.GetManifestResourceStream($"PoaBot.Core.Samples.{PoaFileName}")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
