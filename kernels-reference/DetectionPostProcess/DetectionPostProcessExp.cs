namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// <c>exp</c> in binary64 with <see cref="SoftDouble"/> arithmetic, for the box decoding TFLM does in double.
/// Cody–Waite reduction x = k·ln2 + r (|r| ≤ ln2/2) and a degree-15 Taylor polynomial for e^r − 1: the result is
/// within about one double ulp of the correctly rounded value (glibc's exp is within 0.51 ulp). TFLM rounds
/// the decoded value to float afterwards, so the two agree unless the exact value lies within ~2⁻²⁸ relative
/// distance of a float rounding boundary.
/// </summary>
public static class DetectionPostProcessExp
{
    // fdlibm's split of ln 2: the high part has trailing zero bits so k * Ln2High is exact for |k| < 2^11.
    private static readonly SoftDouble Ln2High = SoftDouble.FromBits(0x3FE6_2E42_FEE0_0000UL);
    private static readonly SoftDouble Ln2Low = SoftDouble.FromBits(0x3DEA_39EF_3579_3C76UL);
    private static readonly SoftDouble InverseLn2 = SoftDouble.FromBits(0x3FF7_1547_652B_82FEUL);
    // Beyond these e^x overflows to infinity or underflows to zero in binary64.
    private static readonly SoftDouble OverflowLimit = SoftDouble.FromBits(0x4086_2E42_FEFA_39EFUL);
    private static readonly SoftDouble UnderflowLimit = SoftDouble.FromBits(0xC087_4910_D52D_3052UL);

    private const int PolynomialDegree = 15;

    public static SoftDouble Exp(SoftDouble x)
    {
        if (x.IsNaN) return x;
        if (x > OverflowLimit) return SoftDouble.PositiveInfinity;
        if (x < UnderflowLimit) return SoftDouble.Zero;

        SoftDouble half = SoftDouble.One.LdExp(-1);
        SoftDouble k = (x * InverseLn2 + half).Floor();
        SoftDouble r = (x - k * Ln2High) - k * Ln2Low;

        // e^r - 1 = r (1 + r/2 (1 + r/3 (1 + ...))) by Horner from the highest term; adding 1 last keeps the
        // small terms' precision.
        SoftDouble series = SoftDouble.One;
        for (int n = PolynomialDegree; n >= 2; n--) series = SoftDouble.One + r * series / SoftDouble.FromInt32(n);
        SoftDouble expMinusOne = r * series;
        SoftDouble result = SoftDouble.One + expMinusOne;
        int power = (int)k.ToInt64();
        // Scale in two steps so a result near the subnormal range is rounded only once at the end.
        if (power < -1000) return result.LdExp(-1000).LdExp(power + 1000);
        return result.LdExp(power);
    }
}
