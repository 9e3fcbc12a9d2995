using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The exponential TFLM's kernels get from <c>std::exp(float)</c> (C <c>expf</c>), in two flavours:
/// <see cref="Exp"/> in float arithmetic for Invoke (float softmax, float logistic; within a couple of ulps of
/// libm, well inside the float golden tolerance), and <see cref="ExpCorrectlyRounded"/> in exact software
/// double for Prepare-time lookup tables, where a one-ulp difference could move a table entry.
/// </summary>
public static class ExpMath
{
    // Cody-Waite split of ln 2 for float: the high part has few enough bits that k * Ln2HighFloat is exact.
    private const float Log2OfE = 1.44269504f;
    private const float Ln2HighFloat = 0.693145751953125f;   // 0x3F317200
    private const float Ln2LowFloat = 1.42860677e-6f;        // 0x35BFBE8E
    // Beyond these, expf overflows to infinity or underflows to zero.
    private const float OverflowThreshold = 88.7228394f;
    private const float UnderflowThreshold = -103.972084f;

    /// <summary>
    /// e^x in float arithmetic only: x = k·ln2 + r with |r| &lt;= ln2/2, e^r by its degree-7 Taylor polynomial
    /// (truncation error below 6e-9 relative), then scaled by 2^k through the exponent bits.
    /// </summary>
    public static float Exp(float x)
    {
        if (float.IsNaN(x)) return x;
        if (x > OverflowThreshold) return float.PositiveInfinity;
        if (x < UnderflowThreshold) return 0f;
        float k = QuantizationMath.RoundHalfAwayFromZero(x * Log2OfE);
        float r = x - k * Ln2HighFloat;
        r -= k * Ln2LowFloat;
        float p = 1f + r * (1f + r * (0.5f + r * (1f / 6f + r * (1f / 24f + r * (1f / 120f + r * (1f / 720f + r * (1f / 5040f)))))));
        int power = (int)k;
        // Two factors keep each power of two a normal float even when the result is subnormal.
        int firstHalf = power / 2;
        return p * PowerOfTwo(firstHalf) * PowerOfTwo(power - firstHalf);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe float PowerOfTwo(int exponent)
    {
        uint bits = (uint)(exponent + 127) << 23;
        return *(float*)&bits;
    }

    // ln 2 split for double (fdlibm's ln2_hi / ln2_lo): k * Ln2High is exact for |k| < 2^20.
    private static SoftDouble Ln2High => SoftDouble.FromBits(0x3FE6_2E42_FEE0_0000UL);
    private static SoftDouble Ln2Low => SoftDouble.FromBits(0x3DEA_39EF_3579_3C76UL);
    private static SoftDouble InverseLn2 => SoftDouble.FromBits(0x3FF7_1547_652B_82FEUL);

    /// <summary>Terms of the Taylor series of e^r summed at Prepare; 1/21! · 0.35^21 is far below a double ulp.</summary>
    private const int TaylorTerms = 20;

    /// <summary>
    /// e^x for a float x, evaluated in software double (argument reduction by ln 2, Taylor series of the
    /// remainder, about one double ulp of error) and rounded once to float: the correctly rounded expf except
    /// for inputs whose exact result lies within ~1e-16 relative of a float rounding boundary.
    /// </summary>
    public static float ExpCorrectlyRounded(float x)
    {
        if (float.IsNaN(x)) return x;
        if (x > OverflowThreshold) return float.PositiveInfinity;
        if (x < UnderflowThreshold) return 0f;
        SoftDouble value = SoftDouble.FromFloat(x);
        SoftDouble k = (value * InverseLn2).Round();
        SoftDouble r = value - k * Ln2High - k * Ln2Low;
        SoftDouble sum = SoftDouble.One;
        for (int n = TaylorTerms; n >= 1; n--)
        {
            sum = SoftDouble.One + r * sum / SoftDouble.FromInt32(n);
        }
        return sum.LdExp((int)k.ToInt64()).ToFloat();
    }
}
