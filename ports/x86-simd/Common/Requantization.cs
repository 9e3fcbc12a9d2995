using System.Runtime.CompilerServices;
using TfLiteMicro.Kernels;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// TFLM's MultiplyByQuantizedMultiplier (double rounding) on vectors of int32 lanes, bit-exact with
/// <see cref="FixedPointMath.MultiplyByQuantizedMultiplier(int, int, int)"/>:
/// x · 2^left, then SaturatingRoundingDoublingHighMul by the multiplier, then RoundingDivideByPOT(right).
/// <para>
/// The high multiply is computed as (x·m + 2^30) &gt;&gt; 31 with an arithmetic (floor) shift. That equals gemmlowp's
/// truncating division with its sign-dependent nudge for every product: for x·m &lt; 0 the numerator
/// x·m + 1 − 2^30 is negative, and truncating it toward zero is ceil((x·m + 1 − 2^30) / 2^31) =
/// floor((x·m + 2^30) / 2^31). The one saturating case (x = m = int.MinValue) cannot occur: multipliers are
/// non-negative. Each width lives in its own partial file.
/// </para>
/// </summary>
public static partial class Requantization
{
    /// <summary>The scalar path: the reference arithmetic itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Scalar(int accumulator, int multiplier, int shift, int outputOffset, int activationMin, int activationMax)
    {
        int scaled = FixedPointMath.MultiplyByQuantizedMultiplier(accumulator, multiplier, shift) + outputOffset;
        int lower = scaled < activationMin ? activationMin : scaled;
        return activationMax < lower ? activationMax : lower;
    }
}
