using ScottPlot;
using SimZsl.Plotting;
using SkiaSharp;

namespace SimZsl.Tests.Plotting;

public class ImageFileTests
{
    // The magic bytes of each format, from the formats' specifications (not from the encoder): a .jpg that holds PNG
    // bytes, as `plot --output p.jpg` once wrote, fails here.
    [Theory]
    [InlineData("p.png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A })]
    [InlineData("p.jpg", new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData("p.JPEG", new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData("p.bmp", new byte[] { (byte)'B', (byte)'M' })]
    [InlineData("picture", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })]
    public void WritesTheFormatTheNameAsksFor(string name, byte[] magic)
    {
        var bytes = Encode(name);
        Assert.Equal(magic, bytes[..magic.Length]);
    }

    [Fact]
    public void WebpIsARiffWebpContainer()
    {
        var bytes = Encode("p.webp");
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal("WEBP"u8.ToArray(), bytes[8..12]);
        // The RIFF size field counts every byte after it.
        Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4));
    }

    [Fact]
    public void AJpegDecodesToThePictureSize()
    {
        using var bitmap = SKBitmap.Decode(Encode("p.jpg"));
        Assert.Equal((320, 240), (bitmap.Width, bitmap.Height));
    }

    [Theory]
    [InlineData("p.gif")]
    [InlineData("p.svg")]
    [InlineData("p.png.tmp")]
    public void RefusesANameItCannotWrite(string name)
    {
        Assert.Null(ImageFile.FormatOf(name));
        var e = Assert.Throws<ArgumentException>(() => ImageFile.RequireFormat(name));
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        Assert.Contains(".jpg", e.Message, StringComparison.Ordinal);
    }

    private static byte[] Encode(string name)
    {
        var plot = new Plot();
        plot.Add.Scatter(new double[] { 0, 1, 2 }, new double[] { 1, 0, 1 });
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFile.RequireFormat(name), plot, 320, 240);
        return stream.ToArray();
    }
}
