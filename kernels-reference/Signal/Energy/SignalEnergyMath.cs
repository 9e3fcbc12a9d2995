using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>TFLM's <c>SpectrumToEnergy</c> (signal/src/energy.cc).</summary>
public static class SignalEnergyMath
{
    /// <summary>
    /// output[i] = re² + im² for bins start..end-1 (int32 arithmetic, stored as uint32: (-32768)² * 2 wraps to
    /// 2^31 exactly as in C); other outputs are left untouched.
    /// </summary>
    public static void SpectrumToEnergy(ReadOnlySpan<short> interleavedComplex, int start, int end, Span<uint> output)
    {
        for (int i = start; i < end; i++)
        {
            int real = interleavedComplex[2 * i];
            int imaginary = interleavedComplex[2 * i + 1];
            output[i] = unchecked((uint)(real * real + imaginary * imaginary));
        }
    }
}
