using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The int8 dot products of the convolution and fully connected kernels: int32 sums that wrap like TFLM's C++
/// accumulators, so the order of the additions does not change the result.
/// </summary>
/// <remarks>
/// Shaped for ilc's ARM32 code generator, which is what runs on a Cortex-M: raw pointers (no bounds check per
/// element; callers slice their spans to the lengths they read once, before taking the pointers), four elements
/// per iteration (each load an immediate offset from one pointer; one pointer update and one compare per four
/// multiply-adds), then the 0-3 elements left. It emits no multiply-accumulate, so one product costs two loads, the
/// offset add, the multiply and the add (about 6 instructions, against 11 for an indexed span loop); two filter rows
/// against the same values share each value's load and offset (about 4.6 per product; four rows about 3.9).
/// </remarks>
public static unsafe class Int8DotProduct
{
    /// <summary>
    /// Two filter rows against the same values: Σ weights0[i] · (values[i] + valueOffset) and the same with
    /// <paramref name="weights1"/>. Each value is loaded and offset once for both rows, so a product costs about
    /// 4.6 instructions instead of 6 (the convolution and fully connected kernels take their output channels in pairs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WithValueOffsetTwoRows(sbyte* values, sbyte* weights0, sbyte* weights1, int length, int valueOffset,
        out int sum0, out int sum1)
    {
        int s0 = 0;
        int s1 = 0;
        sbyte* end = values + (length & ~3);
        while (values < end)
        {
            int x = values[0] + valueOffset;
            s0 += weights0[0] * x;
            s1 += weights1[0] * x;
            x = values[1] + valueOffset;
            s0 += weights0[1] * x;
            s1 += weights1[1] * x;
            x = values[2] + valueOffset;
            s0 += weights0[2] * x;
            s1 += weights1[2] * x;
            x = values[3] + valueOffset;
            s0 += weights0[3] * x;
            s1 += weights1[3] * x;
            values += 4;
            weights0 += 4;
            weights1 += 4;
        }
        end = values + (length & 3);
        while (values < end)
        {
            int x = *values + valueOffset;
            s0 += *weights0 * x;
            s1 += *weights1 * x;
            values++;
            weights0++;
            weights1++;
        }
        sum0 = s0;
        sum1 = s1;
    }

    /// <summary>
    /// Four filter rows against the same values: Σ weightsN[i] · (values[i] + valueOffset) for N = 0..3. Each value
    /// is loaded and offset once for four products (about 3.9 instructions per product against 4.6 for two rows):
    /// the pointwise and wide convolutions take their output channels four at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WithValueOffsetFourRows(sbyte* values, sbyte* weights0, sbyte* weights1, sbyte* weights2, sbyte* weights3,
        int length, int valueOffset, out int sum0, out int sum1, out int sum2, out int sum3)
    {
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        sbyte* end = values + (length & ~3);
        while (values < end)
        {
            int x = values[0] + valueOffset;
            s0 += weights0[0] * x;
            s1 += weights1[0] * x;
            s2 += weights2[0] * x;
            s3 += weights3[0] * x;
            x = values[1] + valueOffset;
            s0 += weights0[1] * x;
            s1 += weights1[1] * x;
            s2 += weights2[1] * x;
            s3 += weights3[1] * x;
            x = values[2] + valueOffset;
            s0 += weights0[2] * x;
            s1 += weights1[2] * x;
            s2 += weights2[2] * x;
            s3 += weights3[2] * x;
            x = values[3] + valueOffset;
            s0 += weights0[3] * x;
            s1 += weights1[3] * x;
            s2 += weights2[3] * x;
            s3 += weights3[3] * x;
            values += 4;
            weights0 += 4;
            weights1 += 4;
            weights2 += 4;
            weights3 += 4;
        }
        end = values + (length & 3);
        while (values < end)
        {
            int x = *values + valueOffset;
            s0 += *weights0 * x;
            s1 += *weights1 * x;
            s2 += *weights2 * x;
            s3 += *weights3 * x;
            values++;
            weights0++;
            weights1++;
            weights2++;
            weights3++;
        }
        sum0 = s0;
        sum1 = s1;
        sum2 = s2;
        sum3 = s3;
    }

    /// <summary>Σ (weights[i] + weightOffset) · (values[i] + valueOffset) for i &lt; length.</summary>
    public static int WithOffsets(sbyte* values, sbyte* weights, int length, int valueOffset, int weightOffset)
    {
        int sum = 0;
        sbyte* end = values + (length & ~3);
        while (values < end)
        {
            sum += (weights[0] + weightOffset) * (values[0] + valueOffset) + (weights[1] + weightOffset) * (values[1] + valueOffset)
                + (weights[2] + weightOffset) * (values[2] + valueOffset) + (weights[3] + weightOffset) * (values[3] + valueOffset);
            values += 4;
            weights += 4;
        }
        end = values + (length & 3);
        while (values < end)
        {
            sum += (*weights + weightOffset) * (*values + valueOffset);
            values++;
            weights++;
        }
        return sum;
    }
}
