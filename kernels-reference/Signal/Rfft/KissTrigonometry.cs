namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// cos and sin of a binary64 angle with integer arithmetic only, for kiss_fft's twiddle tables (built once, in
/// Init): kiss_fft evaluates <c>cos(phase)</c> in C <c>double</c>, and a Cortex-M4F has no double unit. The exact
/// double <c>phase</c> is reduced against a 128-bit pi/2 to [0, pi/4]; sin is evaluated as r · S(r²) on a
/// normalized 64-bit mantissa (relative error ~1e-19 even for tiny results) and cos as a Q63 Taylor series (the
/// value is at least 0.7 there). Each result is then rounded once to a double, so it equals a correctly rounded
/// libm except in vanishingly rare near-midpoint cases (checked against the host's libm in the tests).
/// </summary>
public static class KissTrigonometry
{
    // pi/2 and pi/4 times 2^125 as 128-bit integers (high, low): angles are held with 61 fraction bits in the high
    // word and 64 more in the low word, so reducing by up to five quarter turns loses nothing measurable.
    private const ulong HalfPiHigh = 0x3243_F6A8_885A_308DUL;
    private const ulong HalfPiLow = 0x3131_98A2_E037_0734UL;
    private const ulong QuarterPiHigh = 0x1921_FB54_442D_1846UL;
    private const ulong QuarterPiLow = 0x9898_CC51_701B_839AUL;

    private const ulong OneQ63 = 1UL << 63;

    /// <summary>cos and sin of <paramref name="phase"/> (|phase| &lt; 8), each rounded to the nearest double.</summary>
    public static void CosSin(SoftDouble phase, out SoftDouble cos, out SoftDouble sin)
    {
        ulong bits = phase.Bits;
        bool negative = (bits >> 63) != 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        ulong significand = (bits & 0x000F_FFFF_FFFF_FFFFUL) | (exponent == 0 ? 0 : 1UL << 52);
        int power = (exponent == 0 ? 1 : exponent) - 1023;

        // |phase| * 2^125 as a 128-bit integer; phases of 8 or more saturate (kiss_fft never produces them).
        int shift = power - 52 + 125;
        ulong high, low;
        if (shift > 75) { high = ulong.MaxValue; low = ulong.MaxValue; }
        else if (shift >= 64) { high = significand << (shift - 64); low = 0; }
        else if (shift > 0) { high = significand >> (64 - shift); low = significand << shift; }
        else { high = 0; low = shift <= -64 ? 0 : significand >> -shift; }

        // Quadrant reduction: angle = quadrant * pi/2 + r with r in [0, pi/2).
        int quadrant = 0;
        while (GreaterOrEqual(high, low, HalfPiHigh, HalfPiLow))
        {
            Subtract(ref high, ref low, HalfPiHigh, HalfPiLow);
            quadrant++;
        }
        // Octant reduction: for r > pi/4 use the complement, swapping sin and cos.
        bool swapped = false;
        if (GreaterOrEqual(high, low, QuarterPiHigh, QuarterPiLow))
        {
            ulong complementHigh = HalfPiHigh;
            ulong complementLow = HalfPiLow;
            Subtract(ref complementHigh, ref complementLow, high, low);
            high = complementHigh;
            low = complementLow;
            swapped = true;
        }

        SoftDouble sinR = SinReduced(high, low);
        SoftDouble cosR = SoftDouble.FromUInt64(CosQ63(ToQ63(high, low))).LdExp(-63);
        if (swapped)
        {
            SoftDouble t = cosR;
            cosR = sinR;
            sinR = t;
        }

        // cos(q*pi/2 + r) and sin(q*pi/2 + r) by quadrant; then the sign of the angle (cos even, sin odd).
        switch (quadrant & 3)
        {
            case 0: cos = cosR; sin = sinR; break;
            case 1: cos = sinR.Negate(); sin = cosR; break;
            case 2: cos = cosR.Negate(); sin = sinR.Negate(); break;
            default: cos = sinR; sin = cosR.Negate(); break;
        }
        if (negative) sin = sin.Negate();
    }

    /// <summary>r (Q125, below pi/4) as Q63.</summary>
    private static ulong ToQ63(ulong high, ulong low) => (high << 2) | (low >> 62);

    /// <summary>
    /// sin(r) = r · (1 − r²/3! + r⁴/5! − …): the series factor in Q63 (it lies in [0.9, 1]) times r's normalized
    /// 64-bit mantissa, so the result keeps ~63 significant bits however small r is.
    /// </summary>
    private static SoftDouble SinReduced(ulong high, ulong low)
    {
        if (high == 0 && low == 0) return SoftDouble.Zero;
        int leadingZeros = high != 0 ? LeadingZeros(high) : 64 + LeadingZeros(low);
        ulong mantissa;
        if (leadingZeros == 0) mantissa = high;
        else if (leadingZeros < 64) mantissa = (high << leadingZeros) | (low >> (64 - leadingZeros));
        else mantissa = low << (leadingZeros - 64);

        ulong r = ToQ63(high, low);
        ulong r2 = MultiplyQ63(r, r);
        ulong term = OneQ63;
        ulong factor = OneQ63;
        for (int n = 1; term != 0; n++)
        {
            term = MultiplyQ63(term, r2) / (ulong)((2 * n) * (2 * n + 1));
            if ((n & 1) != 0) factor -= term;
            else factor += term;
        }
        SoftDouble.Multiply64To128(mantissa, factor, out ulong productHigh, out ulong productLow);
        // mantissa * factor / 2^63, keeping a sticky bit for the final rounding.
        ulong scaled = (productHigh << 1) | (productLow >> 63) | ((productLow << 1) != 0 ? 1UL : 0UL);
        // The mantissa's top bit stands for 2^(127 - leadingZeros - 125).
        return SoftDouble.FromUInt64(scaled).LdExp(2 - leadingZeros - 63);
    }

    /// <summary>cos(r) for r in [0, pi/4] as Q63 (1.0 itself is 2^63, which still fits an unsigned word).</summary>
    private static ulong CosQ63(ulong r)
    {
        ulong r2 = MultiplyQ63(r, r);
        ulong term = OneQ63;
        ulong sum = OneQ63;
        for (int n = 1; term != 0; n++)
        {
            term = MultiplyQ63(term, r2) / (ulong)((2 * n - 1) * (2 * n));
            if ((n & 1) != 0) sum -= term;
            else sum += term;
        }
        return sum;
    }

    /// <summary>(a * b) &gt;&gt; 63, rounded to nearest, from a full 128-bit product.</summary>
    private static ulong MultiplyQ63(ulong a, ulong b)
    {
        SoftDouble.Multiply64To128(a, b, out ulong high, out ulong low);
        ulong result = (high << 1) | (low >> 63);
        if ((low & (1UL << 62)) != 0) result++;
        return result;
    }

    private static int LeadingZeros(ulong value)
    {
        int count = 0;
        while (count < 64 && (value & (1UL << 63)) == 0)
        {
            value <<= 1;
            count++;
        }
        return count;
    }

    private static bool GreaterOrEqual(ulong aHigh, ulong aLow, ulong bHigh, ulong bLow) =>
        aHigh > bHigh || (aHigh == bHigh && aLow >= bLow);

    private static void Subtract(ref ulong high, ref ulong low, ulong bHigh, ulong bLow)
    {
        ulong newLow = low - bLow;
        ulong borrow = newLow > low ? 1UL : 0UL;
        low = newLow;
        high = high - bHigh - borrow;
    }
}
