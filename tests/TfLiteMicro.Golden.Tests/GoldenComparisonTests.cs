using TfLiteMicro.Npy;
using Xunit;

namespace TfLiteMicro.Golden.Tests;

/// <summary>The comparison itself must be able to fail: exact for integers, tolerant only as documented for floats.</summary>
public class GoldenComparisonTests
{
    [Fact]
    public void IntegersMustBeIdentical()
    {
        var expected = NpyArray.Create<sbyte>(NpyDType.Int8, [3], [1, -2, 3]);
        var actual = NpyArray.Create<sbyte>(NpyDType.Int8, [3], [1, -1, 3]);

        string? mismatch = GoldenComparison.Describe(expected, actual);

        Assert.Equal("1 of 3 elements differ; first at flat index 1: got -1, expected -2", mismatch);
        Assert.Null(GoldenComparison.Describe(expected, expected));
    }

    [Fact]
    public void FloatsMayDifferByTheDocumentedTolerance()
    {
        var expected = NpyArray.Create<float>(NpyDType.Float32, [2], [100f, 0f]);
        var within = NpyArray.Create<float>(NpyDType.Float32, [2], [100f + 0.9e-3f, 0.9e-5f]);
        var beyond = NpyArray.Create<float>(NpyDType.Float32, [2], [100f + 1.2e-3f, 0f]);

        Assert.Null(GoldenComparison.Describe(expected, within));
        Assert.NotNull(GoldenComparison.Describe(expected, beyond));
    }

    [Fact]
    public void DTypeAndShapeMustMatch()
    {
        var int8 = NpyArray.Create<sbyte>(NpyDType.Int8, [1, 2], [0, 0]);
        var uint8 = NpyArray.Create<byte>(NpyDType.UInt8, [1, 2], [0, 0]);
        var reshaped = NpyArray.Create<sbyte>(NpyDType.Int8, [2], [0, 0]);

        Assert.Contains("dtype", GoldenComparison.Describe(int8, uint8));
        Assert.Contains("shape", GoldenComparison.Describe(int8, reshaped));
    }
}
