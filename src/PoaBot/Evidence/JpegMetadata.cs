namespace PoaBot.Evidence;

/// <summary>
/// Removes the metadata segments of a JPEG without re-encoding it: APP1 (EXIF, with the GPS position, and XMP) and
/// APP13 (IPTC / Photoshop). Every other segment and the compressed image data are copied byte for byte, so the
/// picture is exactly the one the person sent. About forty lines instead of an imaging library: the format of the
/// segment headers is all it needs, and nothing is decoded.
/// </summary>
public static class JpegMetadata
{
    private const byte App1 = 0xE1;
    private const byte App13 = 0xED;
    private const byte StartOfScan = 0xDA;

    public static bool IsJpeg(ReadOnlySpan<byte> data) => data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;

    /// <summary>The JPEG without APP1 and APP13; the input itself when it is not a JPEG, has none, or is malformed.</summary>
    public static byte[] Strip(byte[] data)
    {
        if (!IsJpeg(data))
        {
            return data;
        }

        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 2);
        var i = 2;
        var dropped = false;
        while (i + 4 <= data.Length && data[i] == 0xFF)
        {
            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            if (marker == StartOfScan)
            {
                break;
            }

            var length = (data[i + 2] << 8) | data[i + 3];
            if (length < 2 || i + 2 + length > data.Length)
            {
                return data;
            }

            if (marker is App1 or App13)
            {
                dropped = true;
            }
            else
            {
                output.Write(data, i, 2 + length);
            }

            i += 2 + length;
        }

        if (!dropped || i + 2 > data.Length || data[i] != 0xFF || data[i + 1] != StartOfScan)
        {
            return data;
        }

        output.Write(data, i, data.Length - i);
        return output.ToArray();
    }
}
