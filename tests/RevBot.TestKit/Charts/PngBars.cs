using System.Buffers.Binary;
using System.IO.Compression;

namespace RevBot.Testing;

/// <summary>
/// Reads a chart PNG back (8-bit RGB or RGBA, not interlaced, as Skia writes them) and counts its bars: the runs of the
/// renderer's bar blue along a row just above the axis, where every bar of a chart of positive values stands.
/// </summary>
public static class PngBars
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>ScottPlot's first palette color (Category10 blue), which plain bar charts are filled with.</summary>
    private static readonly (int R, int G, int B) BarBlue = (31, 119, 180);

    public static (int Width, int Height) Size(ReadOnlySpan<byte> png)
    {
        Assert.True(png.Length > 8 && png[..8].SequenceEqual(Signature), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png[12..16]));
        return (BinaryPrimitives.ReadInt32BigEndian(png[16..20]), BinaryPrimitives.ReadInt32BigEndian(png[20..24]));
    }

    public static int Count(byte[] png)
    {
        var (width, height, pixels) = Decode(png);
        bool IsBar(int x, int y)
        {
            var (r, g, b) = pixels[(y * width) + x];
            return Math.Abs(r - BarBlue.R) < 16 && Math.Abs(g - BarBlue.G) < 16 && Math.Abs(b - BarBlue.B) < 16;
        }
        var bottom = -1;
        for (var y = height - 1; y >= 0 && bottom < 0; y--)
        {
            for (var x = 0; x < width; x++)
            {
                if (IsBar(x, y))
                {
                    bottom = y;
                    break;
                }
            }
        }
        if (bottom < 0) return 0;
        var row = bottom - 2;
        var bars = 0;
        var run = 0;
        for (var x = 0; x <= width; x++)
        {
            if (x < width && IsBar(x, row))
            {
                run++;
                continue;
            }
            if (run >= 3) bars++;
            run = 0;
        }
        return bars;
    }

    private static (int Width, int Height, (byte R, byte G, byte B)[] Pixels) Decode(byte[] bytes)
    {
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var kind = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (kind == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                Assert.True(data[8] == 8 && data[12] == 0 && data[9] is 2 or 6, "expected 8-bit RGB or RGBA, not interlaced");
                channels = data[9] == 6 ? 4 : 3;
            }
            if (kind == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflated.CopyTo(raw);
        var buffer = raw.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var pixels = new (byte, byte, byte)[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = buffer[y * (stride + 1)];
            var line = buffer.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? line[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                line[i] += (byte)(filter switch { 1 => a, 2 => b, 3 => (a + b) / 2, 4 => Paeth(a, b, c), _ => 0 });
            }
            for (var x = 0; x < width; x++) pixels[(y * width) + x] = (line[x * channels], line[(x * channels) + 1], line[(x * channels) + 2]);
            previous = line;
        }
        return (width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
