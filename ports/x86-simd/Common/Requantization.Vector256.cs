using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TfLiteMicro.Ports.X86Simd;

public static partial class Requantization
{
    /// <summary>8 lanes at once (Avx2); shifts are per lane. Result offset and clamped, still int32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Apply(Vector256<int> accumulator, Vector256<int> multiplier, Vector256<uint> leftShift,
        Vector256<uint> rightShift, Vector256<int> outputOffset, Vector256<int> activationMin, Vector256<int> activationMax)
    {
        Vector256<int> x = Avx2.ShiftLeftLogicalVariable(accumulator, leftShift);
        Vector256<int> rounded = RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x, multiplier), rightShift);
        return Vector256.Min(Vector256.Max(rounded + outputOffset, activationMin), activationMax);
    }

    /// <summary>gemmlowp SaturatingRoundingDoublingHighMul per lane, for non-negative multipliers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> SaturatingRoundingDoublingHighMul(Vector256<int> x, Vector256<int> multiplier)
    {
        Vector256<long> nudge = Vector256.Create(1L << 30);
        // vpmuldq multiplies the even int32 lanes; shift the odd lanes down to multiply them too.
        Vector256<long> even = Avx2.Multiply(x, multiplier) + nudge;
        Vector256<long> odd = Avx2.Multiply(Avx2.ShiftRightLogical(x.AsInt64(), 32).AsInt32(),
            Avx2.ShiftRightLogical(multiplier.AsInt64(), 32).AsInt32()) + nudge;
        // Bits 31..62 of each product are the result: move them to the low (even) or high (odd) half of the lane.
        Vector256<long> lowHalves = Vector256.Create(0xFFFFFFFFL);
        return Vector256.ConditionalSelect(lowHalves, Avx2.ShiftRightLogical(even, 31), Avx2.ShiftLeftLogical(odd, 1)).AsInt32();
    }

    /// <summary>gemmlowp RoundingDivideByPOT per lane (exponents 0..31): round half away from zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> RoundingDivideByPOT(Vector256<int> x, Vector256<uint> exponent)
    {
        Vector256<int> mask = Avx2.ShiftLeftLogicalVariable(Vector256<int>.One, exponent) - Vector256<int>.One;
        Vector256<int> remainder = x & mask;
        // threshold = mask/2, plus one for negative x (x >> 31 is −1 then).
        Vector256<int> threshold = Avx2.ShiftRightLogical(mask, 1) - Avx2.ShiftRightArithmetic(x, 31);
        return Avx2.ShiftRightArithmeticVariable(x, exponent) - Vector256.GreaterThan(remainder, threshold);
    }
}
