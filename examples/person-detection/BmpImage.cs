using System;
using System.Buffers.Binary;

namespace TfLiteMicro.Examples.PersonDetection;

/// <summary>
/// A Windows bitmap reduced to 8-bit grayscale, rows top to bottom. Reads the uncompressed formats a camera dump
/// or an image editor writes: 8-bit paletted (TFLM's test images) and 24/32-bit BGR(A).
/// </summary>
public sealed class BmpImage
{
    private BmpImage(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Gray levels 0–255, row-major, first row = top of the picture.</summary>
    public byte[] Pixels { get; }

    public static BmpImage Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < 54 || file[0] != (byte)'B' || file[1] != (byte)'M') throw new FormatException("not a BMP file");
        int pixelOffset = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(10));
        int headerSize = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(14));
        int width = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(18));
        int signedHeight = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(22));
        int bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(28));
        int compression = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(30));
        int paletteColors = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(46));
        if (headerSize < 40) throw new FormatException("BMP header of " + headerSize + " bytes is not supported");
        if (compression != 0) throw new FormatException("compressed BMP files are not supported");
        if (bitsPerPixel != 8 && bitsPerPixel != 24 && bitsPerPixel != 32)
            throw new FormatException(bitsPerPixel + "-bit BMP files are not supported (8, 24 or 32)");
        // A positive height means the rows are stored bottom-up.
        bool bottomUp = signedHeight > 0;
        int height = Math.Abs(signedHeight);
        if (width <= 0 || height == 0) throw new FormatException("BMP has no pixels");

        int rowBytes = (width * bitsPerPixel / 8 + 3) & ~3;
        if (pixelOffset < 0 || (long)pixelOffset + (long)rowBytes * height > file.Length) throw new FormatException("BMP pixel data is truncated");
        ReadOnlySpan<byte> palette = bitsPerPixel == 8
            ? file.Slice(14 + headerSize, 4 * (paletteColors == 0 ? 256 : paletteColors))
            : default;

        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = file.Slice(pixelOffset + (bottomUp ? height - 1 - y : y) * rowBytes, rowBytes);
            for (int x = 0; x < width; x++)
            {
                int b, g, r;
                if (bitsPerPixel == 8)
                {
                    int entry = 4 * row[x];
                    if (entry + 2 >= palette.Length) throw new FormatException("BMP pixel refers past the palette");
                    b = palette[entry];
                    g = palette[entry + 1];
                    r = palette[entry + 2];
                }
                else
                {
                    int at = x * bitsPerPixel / 8;
                    b = row[at];
                    g = row[at + 1];
                    r = row[at + 2];
                }
                pixels[y * width + x] = Gray(r, g, b);
            }
        }
        return new BmpImage(width, height, pixels);
    }

    /// <summary>
    /// The image with the top bit of every pixel flipped (gray XOR 0x80). TFLM's person/no_person test images store
    /// the model's int8 input value (gray - 128) in each byte of an 8-bit bitmap, so opened as plain gray they look
    /// scrambled; flipping the top bit turns those bytes back into gray levels.
    /// </summary>
    public BmpImage WithTopBitFlipped()
    {
        byte[] pixels = new byte[Pixels.Length];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(Pixels[i] ^ 0x80);
        return new BmpImage(Width, Height, pixels);
    }

    /// <summary>ITU-R BT.601 luma in integers; a gray palette entry (r = g = b) maps to itself.</summary>
    private static byte Gray(int r, int g, int b) => (byte)((299 * r + 587 * g + 114 * b + 500) / 1000);
}
