using System;
using System.Globalization;
using TfLiteMicro.Npy;

namespace TfLiteMicro.Golden.Tests;

/// <summary>
/// Compares an output with TFLM's golden: integer and bool outputs must be identical, float32 outputs within
/// 1e-5 absolute + 1e-5 × |expected| (the tolerance stated in the shared models' README).
/// </summary>
internal static class GoldenComparison
{
    public const float AbsoluteTolerance = 1e-5f;
    public const float RelativeTolerance = 1e-5f;

    /// <summary>Null when <paramref name="actual"/> matches; otherwise what differs (first mismatch and count).</summary>
    public static string? Describe(NpyArray expected, NpyArray actual)
    {
        if (expected.DType != actual.DType)
            return "dtype " + NpyDTypes.Name(actual.DType) + ", expected " + NpyDTypes.Name(expected.DType);
        if (!expected.Shape.SequenceEqual(actual.Shape))
            return "shape " + NpyArray.FormatShape(actual.Shape) + ", expected " + NpyArray.FormatShape(expected.Shape);
        return expected.DType switch
        {
            NpyDType.Float32 => CompareFloats(expected.AsSpan<float>(), actual.AsSpan<float>()),
            NpyDType.Float64 or NpyDType.Float16 => "no tolerance defined for " + NpyDTypes.Name(expected.DType),
            _ => CompareExactly(expected, actual),
        };
    }

    private static string? CompareFloats(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        int mismatches = 0;
        int first = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            float e = expected[i];
            float a = actual[i];
            bool equal = float.IsNaN(e) ? float.IsNaN(a) : MathF.Abs(a - e) <= AbsoluteTolerance + RelativeTolerance * MathF.Abs(e);
            if (equal) continue;
            if (first < 0) first = i;
            mismatches++;
        }
        if (mismatches == 0) return null;
        return mismatches + " of " + expected.Length + " elements differ beyond tolerance; first at flat index " + first
            + ": got " + actual[first].ToString("R", CultureInfo.InvariantCulture)
            + ", expected " + expected[first].ToString("R", CultureInfo.InvariantCulture);
    }

    private static string? CompareExactly(NpyArray expected, NpyArray actual)
    {
        int size = NpyDTypes.ElementSize(expected.DType);
        int mismatches = 0;
        int first = -1;
        for (int i = 0; i < expected.ElementCount; i++)
        {
            if (expected.Data.AsSpan(i * size, size).SequenceEqual(actual.Data.AsSpan(i * size, size))) continue;
            if (first < 0) first = i;
            mismatches++;
        }
        if (mismatches == 0) return null;
        return mismatches + " of " + expected.ElementCount + " elements differ; first at flat index " + first + ": got "
            + Element(actual, first) + ", expected " + Element(expected, first);
    }

    private static string Element(NpyArray array, int index) => array.DType switch
    {
        NpyDType.Bool => (array.Data[index] != 0).ToString(),
        NpyDType.Int8 => ((sbyte)array.Data[index]).ToString(CultureInfo.InvariantCulture),
        NpyDType.UInt8 => array.Data[index].ToString(CultureInfo.InvariantCulture),
        NpyDType.Int16 => array.AsSpan<short>()[index].ToString(CultureInfo.InvariantCulture),
        NpyDType.UInt16 => array.AsSpan<ushort>()[index].ToString(CultureInfo.InvariantCulture),
        NpyDType.Int32 => array.AsSpan<int>()[index].ToString(CultureInfo.InvariantCulture),
        NpyDType.UInt32 => array.AsSpan<uint>()[index].ToString(CultureInfo.InvariantCulture),
        NpyDType.Int64 => array.AsSpan<long>()[index].ToString(CultureInfo.InvariantCulture),
        NpyDType.UInt64 => array.AsSpan<ulong>()[index].ToString(CultureInfo.InvariantCulture),
        _ => "?",
    };
}
