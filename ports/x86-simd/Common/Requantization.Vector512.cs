using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TfLiteMicro.Ports.X86Simd;

public static partial class Requantization
{
    /// <summary>16 lanes at once (Avx512F); shifts are per lane. Result offset and clamped, still int32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<int> Apply(Vector512<int> accumulator, Vector512<int> multiplier, Vector512<uint> leftShift,
        Vector512<uint> rightShift, Vector512<int> outputOffset, Vector512<int> activationMin, Vector512<int> activationMax)
    {
        Vector512<int> x = Avx512F.ShiftLeftLogicalVariable(accumulator, leftShift);
        Vector512<int> rounded = RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x, multiplier), rightShift);
        return Vector512.Min(Vector512.Max(rounded + outputOffset, activationMin), activationMax);
    }

    /// <summary>gemmlowp SaturatingRoundingDoublingHighMul per lane, for non-negative multipliers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<int> SaturatingRoundingDoublingHighMul(Vector512<int> x, Vector512<int> multiplier)
    {
        Vector512<long> nudge = Vector512.Create(1L << 30);
        // vpmuldq multiplies the even int32 lanes; shift the odd lanes down to multiply them too.
        Vector512<long> even = Avx512F.Multiply(x, multiplier) + nudge;
        Vector512<long> odd = Avx512F.Multiply(Avx512F.ShiftRightLogical(x.AsInt64(), 32).AsInt32(),
            Avx512F.ShiftRightLogical(multiplier.AsInt64(), 32).AsInt32()) + nudge;
        // Bits 31..62 of each product are the result: move them to the low (even) or high (odd) half of the lane.
        Vector512<long> lowHalves = Vector512.Create(0xFFFFFFFFL);
        return Vector512.ConditionalSelect(lowHalves, Avx512F.ShiftRightLogical(even, 31), Avx512F.ShiftLeftLogical(odd, 1)).AsInt32();
    }

    /// <summary>gemmlowp RoundingDivideByPOT per lane (exponents 0..31): round half away from zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<int> RoundingDivideByPOT(Vector512<int> x, Vector512<uint> exponent)
    {
        Vector512<int> mask = Avx512F.ShiftLeftLogicalVariable(Vector512<int>.One, exponent) - Vector512<int>.One;
        Vector512<int> remainder = x & mask;
        // threshold = mask/2, plus one for negative x (x >> 31 is −1 then).
        Vector512<int> threshold = Avx512F.ShiftRightLogical(mask, 1) - Avx512F.ShiftRightArithmetic(x, 31);
        return Avx512F.ShiftRightArithmeticVariable(x, exponent) - Vector512.GreaterThan(remainder, threshold);
    }
}
