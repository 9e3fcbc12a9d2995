using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The one-input elementwise functions as TFLM computes them (micro/kernels/elementwise.cc, neg.cc, floor.cc,
/// ceil.cc, round.cc, exp.cc and reference/*.h): float32 functions element by element, ABS and RSQRT on
/// quantized values with TFLM's integer rescaling, LOGICAL_NOT on bools (one byte each, any non-zero is true).
/// Sqrt, Exp and Log use <see cref="MathF"/> (the C library's sqrtf/expf/logf on a device, as in TFLM); Sin
/// and Cos use <see cref="FloatMath"/>, since the bare-metal core library has no MathF.Sin/Cos.
/// </summary>
public static class UnaryMath
{
    /// <summary>RSQRT int8 keeps 1/sqrt(x) as an integer scaled by 2^20 between its two rescalings (TFLM's kShift).</summary>
    public const int RsqrtIntermediateShift = 20;

    /// <summary>GetInvSqrtQuantizedMultiplierExp's reverse-shift argument as TFLM passes it (kReverseShift).</summary>
    private const int ReverseShift = -1;

    public static unsafe void Abs(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            float x = input[i];
            uint bits = *(uint*)&x & 0x7FFFFFFFu; // fabs: clears the sign, NaN payload kept
            output[i] = *(float*)&bits;
        }
    }

    public static void Neg(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = -input[i];
    }

    public static void Sqrt(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = MathF.Sqrt(input[i]);
    }

    /// <summary>1 / sqrt(x) in float, two correctly rounded steps as TFLM writes it (<c>1.f / std::sqrt(f)</c>).</summary>
    public static void Rsqrt(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = 1.0f / MathF.Sqrt(input[i]);
    }

    public static void Exp(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = MathF.Exp(input[i]);
    }

    public static void Log(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = MathF.Log(input[i]);
    }

    public static void Sin(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = FloatMath.Sin(input[i]);
    }

    public static void Cos(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = FloatMath.Cos(input[i]);
    }

    public static void Square(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            float x = input[i];
            output[i] = x * x;
        }
    }

    public static void Floor(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = FloatMath.Floor(input[i]);
    }

    public static void Ceil(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = FloatMath.Ceiling(input[i]);
    }

    /// <summary>Round half to even (TFLM's RoundToNearest).</summary>
    public static void Round(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = FloatMath.RoundHalfToEven(input[i]);
    }

    /// <summary>Bool NOT over one-byte bools: writes 1 for a zero byte, else 0.</summary>
    public static void LogicalNot(ReadOnlySpan<byte> input, Span<byte> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = input[i] == 0 ? (byte)1 : (byte)0;
    }

    /// <summary>
    /// Unquantized int16 ABS: C++ <c>std::abs</c> on the int-promoted value, narrowed back, so -32768 stays -32768.
    /// </summary>
    public static void AbsInt16(ReadOnlySpan<short> input, Span<short> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            int x = input[i];
            output[i] = unchecked((short)(x < 0 ? -x : x));
        }
    }

    /// <summary>Quantized ABS of one value (TFLM's AbsEvalQuantized), clamped to [min, max] of the type.</summary>
    public static int AbsQuantized(int q, in AbsRsqrtOpData p, int min, int max)
    {
        int difference = q - p.InputZeroPoint;
        int value = difference < 0 ? -difference : difference;
        int result = p.NeedsRescale
            ? unchecked(FixedPointMath.MultiplyByQuantizedMultiplier(value, p.Multiplier, p.Shift) + p.OutputZeroPoint)
            : value + p.OutputZeroPoint;
        return ActivationMath.Clamp(result, min, max);
    }

    public static void AbsInt8(in AbsRsqrtOpData p, ReadOnlySpan<sbyte> input, Span<sbyte> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = (sbyte)AbsQuantized(input[i], in p, sbyte.MinValue, sbyte.MaxValue);
    }

    public static void AbsInt16(in AbsRsqrtOpData p, ReadOnlySpan<short> input, Span<short> output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = (short)AbsQuantized(input[i], in p, short.MinValue, short.MaxValue);
    }

    /// <summary>
    /// Quantized RSQRT of one value at or above the input zero point (TFLM's RsqrtEvalQuantized): the zero point
    /// itself gives the type's maximum; otherwise 1/sqrt(q - zp) from GetInvSqrtQuantizedMultiplierExp is
    /// materialised as an integer times 2^20 and rescaled by 1 / (sqrt(input scale) · output scale).
    /// </summary>
    public static int RsqrtQuantized(int q, in AbsRsqrtOpData p, int min, int max)
    {
        int value = q - p.InputZeroPoint;
        if (value == 0) return max;
        FixedPointMath.GetInvSqrtQuantizedMultiplierExp(value, ReverseShift, out int invSqrtMultiplier, out int invSqrtShift);
        int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(1, invSqrtMultiplier, invSqrtShift + RsqrtIntermediateShift);
        int result = unchecked(FixedPointMath.MultiplyByQuantizedMultiplier(scaled, p.Multiplier, p.Shift - RsqrtIntermediateShift)
            + p.OutputZeroPoint);
        return ActivationMath.Clamp(result, min, max);
    }

    /// <summary>
    /// int8 RSQRT; stops at the first input below the zero point (undefined for negative reals, an Eval error in
    /// TFLM) and returns its index, or -1 when all were computed.
    /// </summary>
    public static int RsqrtInt8(in AbsRsqrtOpData p, ReadOnlySpan<sbyte> input, Span<sbyte> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            if (input[i] < p.InputZeroPoint) return i;
            output[i] = (sbyte)RsqrtQuantized(input[i], in p, sbyte.MinValue, sbyte.MaxValue);
        }
        return -1;
    }
}
