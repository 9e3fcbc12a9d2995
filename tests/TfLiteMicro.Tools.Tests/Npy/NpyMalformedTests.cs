using System;
using System.Buffers.Binary;
using System.Text;
using TfLiteMicro.Npy;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Npy;

public class NpyMalformedTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Versions2And3AreRead(int major)
    {
        byte[] bytes = Raw(major, "{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }", [1, 0, 2, 0]);

        NpyArray array = NpyReader.Read(bytes);

        Assert.Equal(new short[] { 1, 2 }, array.AsSpan<short>().ToArray());
    }

    [Fact]
    public void HeaderWithDoubleQuotesAndOtherKeyOrderIsRead()
    {
        byte[] bytes = Raw(1, "{\"shape\": (1, 1), \"fortran_order\": False, \"descr\": \"<f4\"}", new byte[4]);

        NpyArray array = NpyReader.Read(bytes);

        Assert.Equal(NpyDType.Float32, array.DType);
        Assert.Equal(new[] { 1, 1 }, array.Shape.ToArray());
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", "Fortran-order")]
    [InlineData("{'descr': '>i4', 'fortran_order': False, 'shape': (4,), }", "big-endian")]
    [InlineData("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", "unsupported dtype '<c8'")]
    [InlineData("{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (4,), }", "structured")]
    [InlineData("{'descr': '<i4', 'shape': (4,), }", "no 'fortran_order'")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, }", "no 'shape'")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (4,), 'extra': 1}", "unexpected key 'extra'")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (-4,), }", "malformed .npy header")]
    [InlineData("{'descr': '<i4', 'fortran_order': Maybe, 'shape': (4,), }", "expected True or False")]
    [InlineData("'descr': '<i4'", "expected '{'")]
    public void BadHeadersAreRejectedWithAClearMessage(string header, string expectedMessage)
    {
        byte[] bytes = Raw(1, header, new byte[16]);

        var error = Assert.Throws<NpyFormatException>(() => NpyReader.Read(bytes));

        Assert.Contains(expectedMessage, error.Message);
    }

    [Fact]
    public void MissingMagicIsRejected()
    {
        var error = Assert.Throws<NpyFormatException>(() => NpyReader.Read(Encoding.ASCII.GetBytes("PK\u0003\u0004 this is a zip")));

        Assert.Contains("not a .npy file", error.Message);
    }

    [Fact]
    public void UnknownVersionIsRejected()
    {
        byte[] bytes = Raw(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }", new byte[4]);
        bytes[6] = 4;

        var error = Assert.Throws<NpyFormatException>(() => NpyReader.Read(bytes));

        Assert.Contains("version 4.0", error.Message);
    }

    [Fact]
    public void TruncatedDataIsRejected()
    {
        byte[] bytes = Raw(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }", new byte[15]);

        var error = Assert.Throws<NpyFormatException>(() => NpyReader.Read(bytes));

        Assert.Contains("needs 16 bytes but the file holds 15", error.Message);
    }

    [Fact]
    public void TruncatedHeaderIsRejected()
    {
        byte[] bytes = Raw(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }", []);

        var error = Assert.Throws<NpyFormatException>(() => NpyReader.Read(bytes.AsSpan(0, 30)));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void FileErrorsNameTheFile()
    {
        using var temp = new TempDirectory();
        string path = temp.File("bad.npy");
        System.IO.File.WriteAllBytes(path, Raw(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", new byte[4]));

        var error = Assert.Throws<NpyFormatException>(() => NpyReader.ReadFile(path));

        Assert.StartsWith(path + ": ", error.Message);
    }

    /// <summary>A .npy file with an arbitrary header text (no padding) and data.</summary>
    private static byte[] Raw(int major, string header, byte[] data)
    {
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] headerBytes = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetBytes(header + "\n");
        byte[] bytes = new byte[8 + lengthBytes + headerBytes.Length + data.Length];
        bytes[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY").CopyTo(bytes, 1);
        bytes[6] = (byte)major;
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)headerBytes.Length);
        else BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)headerBytes.Length);
        headerBytes.CopyTo(bytes, 8 + lengthBytes);
        data.CopyTo(bytes, 8 + lengthBytes + headerBytes.Length);
        return bytes;
    }
}
