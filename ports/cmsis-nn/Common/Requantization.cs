using System.Runtime.CompilerServices;
using TfLiteMicro.Kernels;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>The twins' output stage: TFLM's requantization (the reference's own function), offset, clamp.</summary>
internal static class Requantization
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static sbyte ToInt8(int accumulator, int multiplier, int shift, int offset, int min, int max)
    {
        int value = FixedPointMath.MultiplyByQuantizedMultiplier(accumulator, multiplier, shift) + offset;
        return (sbyte)(value < min ? min : value > max ? max : value);
    }
}
