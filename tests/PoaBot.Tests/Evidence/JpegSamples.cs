using System.Text;

namespace PoaBot.Tests.Evidence;

/// <summary>A tiny JPEG whose segments carry a GPS position in EXIF (APP1), XMP (APP1) and IPTC (APP13).</summary>
public static class JpegSamples
{
    public const string Gps = "GPS 19.4326N 99.1332W";

    public static readonly byte[] ScanData = [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, 0x11, 0x22, 0xFF, 0x00, 0x33, 0xFF, 0xD9];

    public static byte[] WithMetadata()
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        bytes.AddRange(Segment(0xE0, "JFIF\0\u0001\u0001"));
        bytes.AddRange(Segment(0xE1, "Exif\0\0" + Gps));
        bytes.AddRange(Segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + Gps + "</x:xmpmeta>"));
        bytes.AddRange(Segment(0xED, "Photoshop 3.0\08BIM" + Gps));
        bytes.AddRange(Segment(0xDB, "\0quantisation"));
        bytes.AddRange(ScanData);
        return [.. bytes];
    }

    private static byte[] Segment(byte marker, string payload)
    {
        var data = Encoding.Latin1.GetBytes(payload);
        var length = data.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. data];
    }
}
