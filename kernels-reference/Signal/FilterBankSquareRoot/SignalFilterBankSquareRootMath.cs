using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>TFLM's <c>FilterbankSqrt</c> (signal/src/filter_bank_square_root.cc).</summary>
public static class SignalFilterBankSquareRootMath
{
    /// <summary>
    /// output[i] = Sqrt64(input[i]) &gt;&gt; scaleDownBits. The shift count is masked to 5 bits as the 32-bit
    /// shift instruction does (C leaves counts outside 0..31 undefined; the FFT scale is at most 15).
    /// </summary>
    public static void Apply(ReadOnlySpan<ulong> input, int scaleDownBits, Span<uint> output)
    {
        for (int i = 0; i < input.Length; i++) output[i] = SignalBitMath.Sqrt64(input[i]) >> scaleDownBits;
    }
}
