using System.Text;
using PoaBot.Evidence;

namespace PoaBot.Tests.Evidence;

public sealed class JpegMetadataTests
{
    [Fact]
    public void Exif_xmp_and_iptc_segments_are_dropped_and_the_image_data_is_kept_byte_for_byte()
    {
        var original = JpegSamples.WithMetadata();

        var stripped = JpegMetadata.Strip(original);

        Assert.DoesNotContain(JpegSamples.Gps, Encoding.Latin1.GetString(stripped), StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(stripped), StringComparison.Ordinal);
        Assert.Contains("JFIF", Encoding.Latin1.GetString(stripped), StringComparison.Ordinal);
        Assert.Contains("quantisation", Encoding.Latin1.GetString(stripped), StringComparison.Ordinal);
        Assert.Equal(JpegSamples.ScanData, stripped[^JpegSamples.ScanData.Length..]);
        Assert.Equal([0xFF, 0xD8], stripped[..2]);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4, 5 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, 0x01 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01, 0xFF, 0xDA })]
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    public void Anything_that_is_not_a_well_formed_jpeg_is_left_as_it_is_and_never_throws(byte[] data)
    {
        Assert.Equal(data, JpegMetadata.Strip(data));
    }

    [Fact]
    public void A_jpeg_without_metadata_is_returned_unchanged()
    {
        var once = JpegMetadata.Strip(JpegSamples.WithMetadata());

        Assert.Same(once, JpegMetadata.Strip(once));
    }
}
