using System;
using System.IO;
using TfLiteMicro.Npy;
using Xunit;

namespace TfLiteMicro.Tools.Tests.Npy;

public class NpyRoundTripTests
{
    public static TheoryData<NpyDType> AllDTypes()
    {
        var data = new TheoryData<NpyDType>();
        foreach (NpyDType dtype in Enum.GetValues<NpyDType>()) data.Add(dtype);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllDTypes))]
    public void EveryDTypeSurvivesWriteThenRead(NpyDType dtype)
    {
        int[] shape = [2, 3];
        byte[] data = PatternBytes(6 * NpyDTypes.ElementSize(dtype), seed: (int)dtype);
        var original = new NpyArray(dtype, shape, data);

        NpyArray read = NpyReader.Read(NpyWriter.Write(original));

        Assert.Equal(dtype, read.DType);
        Assert.Equal(shape, read.Shape.ToArray());
        Assert.Equal(data, read.Data);
    }

    [Theory]
    [InlineData(new int[0], "()")]
    [InlineData(new[] { 7 }, "(7,)")]
    [InlineData(new[] { 1, 16 }, "(1, 16)")]
    [InlineData(new[] { 2, 0, 3 }, "(2, 0, 3)")]
    public void ShapesIncludingScalarsAndEmptyArraysRoundTrip(int[] shape, string pythonShape)
    {
        int elements = 1;
        foreach (int d in shape) elements *= d;
        var original = NpyArray.Create<float>(NpyDType.Float32, shape, new float[elements]);

        byte[] bytes = NpyWriter.Write(original);
        NpyArray read = NpyReader.Read(bytes);

        Assert.Equal(shape, read.Shape.ToArray());
        Assert.Equal(elements, read.ElementCount);
        Assert.Contains("'shape': " + pythonShape, System.Text.Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void WrittenHeaderIsPaddedSoDataStartsAt64ByteBoundary()
    {
        var array = NpyArray.Create<int>(NpyDType.Int32, [3], [1, 2, 3]);

        byte[] bytes = NpyWriter.Write(array);

        Assert.Equal(0, (bytes.Length - 12) % 64);
        Assert.Equal((byte)'\n', bytes[bytes.Length - 12 - 1]);
        Assert.Equal(1, bytes[6]);
    }

    [Fact]
    public void ValuesAreReadBackAsTypedSpans()
    {
        var array = NpyArray.Create<float>(NpyDType.Float32, [2], [1.5f, -2.25f]);

        NpyArray read = NpyReader.Read(NpyWriter.Write(array));

        Assert.Equal(new[] { 1.5f, -2.25f }, read.AsSpan<float>().ToArray());
        Assert.Throws<InvalidOperationException>(() => read.AsSpan<short>().Length);
    }

    [Fact]
    public void BoolViewsAsOneByteElements()
    {
        var array = NpyArray.Create<bool>(NpyDType.Bool, [3], [true, false, true]);

        NpyArray read = NpyReader.Read(NpyWriter.Write(array));

        Assert.Equal(new[] { true, false, true }, read.AsSpan<bool>().ToArray());
    }

    [Fact]
    public void FileRoundTrip()
    {
        using var temp = new TempDirectory();
        var array = NpyArray.Create<short>(NpyDType.Int16, [2, 2], [1, -2, 300, -32768]);

        NpyWriter.WriteFile(temp.File("a.npy"), array);
        NpyArray read = NpyReader.ReadFile(temp.File("a.npy"));

        Assert.Equal(new short[] { 1, -2, 300, -32768 }, read.AsSpan<short>().ToArray());
    }

    [Fact]
    public void ArrayRejectsDataOfTheWrongLength()
    {
        Assert.Throws<ArgumentException>(() => new NpyArray(NpyDType.Int32, [2], new byte[7]));
    }

    private static byte[] PatternBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
