using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DIV arithmetic as TFLM's reference kernels do it (reference/div.h). float32 divides in IEEE arithmetic
/// (x / 0 gives ±infinity or NaN, as in C++). int32 divides with truncation toward zero, as C++ does; where
/// C++ is undefined (and TFLM's host build traps) this code defines the result instead: x / 0 gives 0 and
/// int.MinValue / -1 wraps to int.MinValue. int8 multiplies the dividend by a fixed-point reciprocal of the
/// divisor and rescales, like TFLM.
/// </summary>
public static class DivMath
{
    /// <summary>int32 quotient, truncated toward zero; 0 for a zero divisor, int.MinValue for int.MinValue / -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DivideInt32(int x, int y)
    {
        if (y == 0) return 0;
        if (y == -1) return unchecked(-x);
        return x / y;
    }

    /// <summary>
    /// The quantized quotient of one pair of int8 values (TFLM's DivElementwise): signs are moved to the
    /// dividend so the divisor is positive; its reciprocal comes from <see cref="FixedPointMath.GetReciprocal"/>;
    /// the dividend is normalized by its headroom, multiplied, and the product scaled by 2^(shift − recipShift −
    /// headroom). A zero divisor (after the offset) gives the output zero point clamped (TFLM only DCHECKs).
    /// </summary>
    public static int DivQuantized(int x, int y, in DivOpData p)
    {
        int dividend = p.Input1Offset + x;
        int divisor = p.Input2Offset + y;
        if (divisor == 0) return ActivationMath.Clamp(p.OutputOffset, p.OutputActivationMin, p.OutputActivationMax);
        if (divisor < 0)
        {
            dividend = -dividend;
            divisor = -divisor;
        }
        int reciprocal = FixedPointMath.GetReciprocal(divisor, 31, out int reciprocalShift);
        int headroom = FixedPointMath.CountLeadingSignBits(dividend);
        int unscaledQuotient = FixedPointMath.MultiplyByQuantizedMultiplierGreaterThanOne(dividend, reciprocal, headroom);
        int totalShift = p.OutputShift - reciprocalShift - headroom;
        int scaled = MultiplySmallerThanOneWideShift(unscaledQuotient, p.OutputMultiplier, totalShift);
        int result = unchecked(p.OutputOffset + scaled);
        return ActivationMath.Clamp(result, p.OutputActivationMin, p.OutputActivationMax);
    }

    /// <summary>
    /// MultiplyByQuantizedMultiplierSmallerThanOneExp for any shift ≤ 0: TFLM shifts right by −shift, which is
    /// undefined in C++ from 32 on (small dividends get there); here a shift of 32 or more is evaluated exactly
    /// as the rounding division it stands for (the result is then 0 or ±1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MultiplySmallerThanOneWideShift(int x, int multiplier, int leftShift)
    {
        if (leftShift > -32) return FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(x, multiplier, leftShift);
        long high = FixedPointMath.SaturatingRoundingDoublingHighMul(x, multiplier);
        int exponent = -leftShift > 62 ? 62 : -leftShift;
        long half = 1L << (exponent - 1);
        // Round half away from zero, like gemmlowp's RoundingDivideByPOT.
        long magnitude = high < 0 ? -high : high;
        long quotient = (magnitude + half) >> exponent;
        return (int)(high < 0 ? -quotient : quotient);
    }

    /// <summary>int8 DIV with broadcasting.</summary>
    public static void DivInt8(in DivOpData p, ReadOnlySpan<sbyte> input1, ReadOnlySpan<sbyte> input2, Span<sbyte> output)
    {
        ref readonly BroadcastShape shape = ref p.Shape;
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
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2)
            {
                output[o] = (sbyte)DivQuantized(input1[i1], input2[i2], in p);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>float32 DIV with broadcasting: a / b, then the activation clamp.</summary>
    public static void DivFloat(in BroadcastShape shape, ReadOnlySpan<float> input1, ReadOnlySpan<float> input2, Span<float> output,
        in FloatActivationRange activation)
    {
        float activationMin = activation.Min;
        float activationMax = activation.Max;
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
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2)
            {
                output[o] = ActivationMath.Clamp(input1[i1] / input2[i2], activationMin, activationMax);
            }
        } while (cursor.NextRow(in shape));
    }

    /// <summary>int32 DIV with broadcasting (see <see cref="DivideInt32"/>), then the activation clamp.</summary>
    public static void DivInt32(in BroadcastShape shape, ReadOnlySpan<int> input1, ReadOnlySpan<int> input2, Span<int> output,
        int activationMin, int activationMax)
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
            for (int k = 0; k < inner; k++, o++, i1 += step1, i2 += step2)
            {
                output[o] = ActivationMath.Clamp(DivideInt32(input1[i1], input2[i2]), activationMin, activationMax);
            }
        } while (cursor.NextRow(in shape));
    }
}
