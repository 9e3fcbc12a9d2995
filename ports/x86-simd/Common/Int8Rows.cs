using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// Builds the int16 input rows <see cref="Int8Gemm"/> consumes: int8 values widened, with the input offset (the
/// negated zero point) added, so (x + offset) ∈ [−255, 255] and every pair product fits vpmaddwd exactly.
/// </summary>
public static unsafe class Int8Rows
{
    /// <summary>destination[i] = source[i] + offset for i &lt; count; widest vectors first, scalar tail.</summary>
    public static void Widen(sbyte* source, short* destination, int count, int offset)
    {
        int i = 0;
        if (Avx512BW.IsSupported)
        {
            Vector512<short> add = Vector512.Create((short)offset);
            for (; i + 32 <= count; i += 32)
            {
                (Avx512BW.ConvertToVector512Int16(Vector256.Load(source + i)) + add).Store(destination + i);
            }
        }
        if (Avx2.IsSupported)
        {
            Vector256<short> add = Vector256.Create((short)offset);
            for (; i + 16 <= count; i += 16)
            {
                (Avx2.ConvertToVector256Int16(Vector128.Load(source + i)) + add).Store(destination + i);
            }
        }
        if (Sse41.IsSupported)
        {
            Vector128<short> add = Vector128.Create((short)offset);
            for (; i + 8 <= count; i += 8)
            {
                (Sse41.ConvertToVector128Int16((sbyte*)(source + i)) + add).Store(destination + i);
            }
        }
        for (; i < count; i++)
        {
            destination[i] = (short)(source[i] + offset);
        }
    }

    /// <summary>Zero-fills <paramref name="count"/> int16 values (padded taps of a convolution row).</summary>
    public static void Zero(short* destination, int count)
    {
        for (int i = 0; i < count; i++) destination[i] = 0;
    }
}
