using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// FLOOR_DIV and FLOOR_MOD with broadcasting (TFLM reference floor_div.h / floor_mod.h). float32 FLOOR_DIV is
/// floor(double(a) / double(b)) narrowed to float, as TFLM computes it (see <see cref="FloatMath.FloorDivide"/>);
/// float32 FLOOR_MOD is the exact fmod moved to the divisor's sign. int32 (an extension: TFLM's micro kernels
/// take float32 only) follows the same definitions with integer division, the int.MinValue / -1 overflow
/// wrapping like two's-complement hardware.
/// </summary>
public static class FloorDivModMath
{
    public static float FloorDiv(float a, float b) => FloatMath.FloorDivide(a, b);

    public static float FloorMod(float a, float b)
    {
        float truncated = FloatMath.Fmod(a, b);
        return truncated != 0 && (b < 0) != (truncated < 0) ? truncated + b : truncated;
    }

    public static int FloorDiv(int a, int b)
    {
        if (b == -1) return unchecked(-a);
        int quotient = a / b;
        // Truncation rounded toward zero; step down when the signs differ and there is a remainder.
        if ((a % b != 0) && ((a < 0) != (b < 0))) quotient--;
        return quotient;
    }

    public static int FloorMod(int a, int b)
    {
        if (b == -1) return 0;
        int truncated = a % b;
        return truncated != 0 && (b < 0) != (truncated < 0) ? truncated + b : truncated;
    }

    public static void FloorDivFloat(in BroadcastShape shape, ReadOnlySpan<float> input1, ReadOnlySpan<float> input2, Span<float> output)
    {
        if (shape.ElementCount == 0) return;
        int inner = shape.InnerLength;
        int step1 = shape.InnerStride1;
        int step2 = shape.InnerStride2;
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            int i1 = cursor.Offset1;
            int i2 = cursor.Offset2;
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2) output[o] = FloorDiv(input1[i1], input2[i2]);
        } while (cursor.NextRow(in shape));
    }

    public static void FloorModFloat(in BroadcastShape shape, ReadOnlySpan<float> input1, ReadOnlySpan<float> input2, Span<float> output)
    {
        if (shape.ElementCount == 0) return;
        int inner = shape.InnerLength;
        int step1 = shape.InnerStride1;
        int step2 = shape.InnerStride2;
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            int i1 = cursor.Offset1;
            int i2 = cursor.Offset2;
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2) output[o] = FloorMod(input1[i1], input2[i2]);
        } while (cursor.NextRow(in shape));
    }

    public static void FloorDivInt32(in BroadcastShape shape, ReadOnlySpan<int> input1, ReadOnlySpan<int> input2, Span<int> output)
    {
        if (shape.ElementCount == 0) return;
        int inner = shape.InnerLength;
        int step1 = shape.InnerStride1;
        int step2 = shape.InnerStride2;
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            int i1 = cursor.Offset1;
            int i2 = cursor.Offset2;
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2) output[o] = FloorDiv(input1[i1], input2[i2]);
        } while (cursor.NextRow(in shape));
    }

    public static void FloorModInt32(in BroadcastShape shape, ReadOnlySpan<int> input1, ReadOnlySpan<int> input2, Span<int> output)
    {
        if (shape.ElementCount == 0) return;
        int inner = shape.InnerLength;
        int step1 = shape.InnerStride1;
        int step2 = shape.InnerStride2;
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            int i1 = cursor.Offset1;
            int i2 = cursor.Offset2;
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2) output[o] = FloorMod(input1[i1], input2[i2]);
        } while (cursor.NextRow(in shape));
    }

    /// <summary>Index of the first zero divisor (float: +0 or -0), or -1.</summary>
    public static int FindZero(ReadOnlySpan<float> divisors)
    {
        for (int i = 0; i < divisors.Length; i++)
        {
            if (divisors[i] == 0f) return i;
        }
        return -1;
    }

    public static int FindZero(ReadOnlySpan<int> divisors)
    {
        for (int i = 0; i < divisors.Length; i++)
        {
            if (divisors[i] == 0) return i;
        }
        return -1;
    }
}
