namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// TFLM's <c>log_x_for_x_greater_than_or_equal_to_1</c> (kernels/internal/common.h) on raw int32 fixed-point
/// values: ln(x) from the power of two of x (taken two ways, with and without a √½ premultiply, to keep the
/// remainder near 1) plus a rational approximation of the remainder's log.
/// </summary>
public static class FixedPointLog
{
    // Q0.31 constants, as TFLM spells them.
    private const int Log2 = 1488522236;            // ln 2
    private const int SqrtSqrtHalf = 1805811301;    // √√½
    private const int SqrtHalf = 1518500250;        // √½
    private const int OneQuarter = 536870912;       // 1/4
    private const int AlphaN = 117049297;           // 11/240 · √√2
    private const int AlphaD = 127690142;           // 1/20 · √√2
    private const int AlphaI = 1057819769;          // 2/√√2 − √√2
    private const int AlphaF = 638450708;           // 1/4 · √√2

    /// <summary>
    /// ln(x) for x ≥ 1 given as a raw value with <paramref name="inputIntegerBits"/> integer bits; the result is a
    /// raw value with <paramref name="outputIntegerBits"/> integer bits.
    /// </summary>
    public static int LogOfXGreaterThanOrEqualToOne(int input, int inputIntegerBits, int outputIntegerBits)
    {
        unchecked
        {
            // One extra integer bit of headroom for the accumulation.
            int accumIntegerBits = outputIntegerBits + 1;
            int shiftedQuarter = FixedPointMath.Rescale(OneQuarter, 0, accumIntegerBits);

            // The input reinterpreted as Q0.31; the shifts are worked out here instead.
            int za = input;
            int zaHeadroomPlusOne = FixedPointMath.CountLeadingZeros((uint)za);
            int raTemp = FixedPointMath.SaturatingRoundingMultiplyByPOT(za, zaHeadroomPlusOne - 1);
            int raRaw = FixedPointMath.SaturatingRoundingMultiplyByPOT(FixedPointMath.SaturatingRoundingDoublingHighMul(raTemp, SqrtHalf), 1);
            int zaPow2Adjusted = FixedPointMath.SaturatingAdd(
                FixedPointMath.SaturatingRoundingMultiplyByPOT(inputIntegerBits - zaHeadroomPlusOne, 31 - accumIntegerBits),
                shiftedQuarter);

            // The same with the input premultiplied by √½.
            int zb = FixedPointMath.SaturatingRoundingDoublingHighMul(za, SqrtHalf);
            int zbHeadroom = FixedPointMath.CountLeadingZeros((uint)zb) - 1;
            int rbRaw = FixedPointMath.SaturatingRoundingMultiplyByPOT(za, zbHeadroom);
            int zbPow2Adjusted = FixedPointMath.SaturatingSub(
                FixedPointMath.SaturatingRoundingMultiplyByPOT(inputIntegerBits - zbHeadroom, 31 - accumIntegerBits),
                shiftedQuarter);

            int r = raRaw < rbRaw ? raRaw : rbRaw;
            int zPow2Adjusted = zaPow2Adjusted > zbPow2Adjusted ? zaPow2Adjusted : zbPow2Adjusted;

            int p = FixedPointMath.RoundingHalfSum(r, SqrtSqrtHalf);
            int q = r - SqrtSqrtHalf;
            q = q + q;

            int commonSquare = Mul(q, q);
            int numerator = Mul(q, r) + Mul(Mul(q, commonSquare), AlphaN);
            int denominatorMinusOne = Mul(p, AlphaI + q + Mul(AlphaD, commonSquare)) + Mul(AlphaF, q);
            int reciprocalDenominator = FixedPointMath.OneOverOnePlusXForXIn01(denominatorMinusOne);

            int numeratorScaled = FixedPointMath.Rescale(numerator, 0, accumIntegerBits);
            int sum = Mul(zPow2Adjusted, Log2) + Mul(numeratorScaled, reciprocalDenominator);
            return FixedPointMath.Rescale(sum, accumIntegerBits, outputIntegerBits);
        }
    }

    private static int Mul(int a, int b) => FixedPointMath.SaturatingRoundingDoublingHighMul(a, b);
}
