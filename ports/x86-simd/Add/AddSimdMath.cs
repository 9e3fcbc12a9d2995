using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// int8 ADD on vectors, bit-exact with <see cref="AddMath.AddQuantized"/>: each lane goes through the same
/// shift, the same two double-rounding rescales and the same clamp. Rows whose inputs both advance by one
/// element, or where one input is a broadcast scalar (stride 0), run 16 (AVX-512) or 8 (AVX2) lanes at a time;
/// other strides and the tail run the reference arithmetic.
/// </summary>
public static unsafe class AddSimdMath
{
    /// <summary>The whole broadcast walk of int8 ADD (same order as the reference).</summary>
    public static void AddInt8(in AddOpData p, sbyte* input1, sbyte* input2, sbyte* output)
    {
        ref readonly BroadcastShape shape = ref p.Shape;
        if (shape.ElementCount == 0) return;
        int inner = shape.InnerLength;
        int step1 = shape.InnerStride1;
        int step2 = shape.InnerStride2;
        BroadcastCursor cursor = default;
        int o = 0;
        do
        {
            Row(in p, input1 + cursor.Offset1, step1, input2 + cursor.Offset2, step2, output + o, inner);
            o += inner;
        } while (cursor.NextRow(in shape));
    }

    /// <summary>One innermost row: output[k] = add(input1[k·step1], input2[k·step2]).</summary>
    public static void Row(in AddOpData p, sbyte* input1, int step1, sbyte* input2, int step2, sbyte* output, int count)
    {
        int k = 0;
        bool vectorizable = (step1 == 0 || step1 == 1) && (step2 == 0 || step2 == 1);
        if (vectorizable && Avx512BW.IsSupported)
        {
            for (; k + 16 <= count; k += 16)
            {
                Vector512<int> a = step1 == 1 ? Avx512F.ConvertToVector512Int32(Vector128.Load(input1 + k)) : Vector512.Create((int)input1[0]);
                Vector512<int> b = step2 == 1 ? Avx512F.ConvertToVector512Int32(Vector128.Load(input2 + k)) : Vector512.Create((int)input2[0]);
                Avx512F.ConvertToVector128SByte(Add512(in p, a, b)).Store(output + k);
            }
        }
        if (vectorizable && Avx2.IsSupported)
        {
            for (; k + 8 <= count; k += 8)
            {
                Vector256<int> a = step1 == 1 ? Avx2.ConvertToVector256Int32(input1 + k) : Vector256.Create((int)input1[0]);
                Vector256<int> b = step2 == 1 ? Avx2.ConvertToVector256Int32(input2 + k) : Vector256.Create((int)input2[0]);
                Vector256<int> sum = Add256(in p, a, b);
                Vector128<short> shorts = Vector128.Narrow(sum.GetLower(), sum.GetUpper());
                Vector128<sbyte> bytes = Vector128.Narrow(shorts, shorts);
                *(long*)(output + k) = bytes.AsInt64().ToScalar();
            }
        }
        for (; k < count; k++)
        {
            output[k] = (sbyte)AddMath.AddQuantized(input1[k * step1], input2[k * step2], in p);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Add512(in AddOpData p, Vector512<int> a, Vector512<int> b)
    {
        Vector512<int> shifted1 = Vector512.ShiftLeft(a + Vector512.Create(p.Input1Offset), p.LeftShift);
        Vector512<int> shifted2 = Vector512.ShiftLeft(b + Vector512.Create(p.Input2Offset), p.LeftShift);
        Vector512<int> scaled1 = Requantization.RoundingDivideByPOT(
            Requantization.SaturatingRoundingDoublingHighMul(shifted1, Vector512.Create(p.Input1Multiplier)),
            Vector512.Create((uint)-p.Input1Shift));
        Vector512<int> scaled2 = Requantization.RoundingDivideByPOT(
            Requantization.SaturatingRoundingDoublingHighMul(shifted2, Vector512.Create(p.Input2Multiplier)),
            Vector512.Create((uint)-p.Input2Shift));
        Vector512<int> sum = Requantization.RoundingDivideByPOT(
            Requantization.SaturatingRoundingDoublingHighMul(scaled1 + scaled2, Vector512.Create(p.OutputMultiplier)),
            Vector512.Create((uint)-p.OutputShift)) + Vector512.Create(p.OutputOffset);
        return Vector512.Min(Vector512.Max(sum, Vector512.Create(p.OutputActivationMin)), Vector512.Create(p.OutputActivationMax));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Add256(in AddOpData p, Vector256<int> a, Vector256<int> b)
    {
        Vector256<int> shifted1 = Vector256.ShiftLeft(a + Vector256.Create(p.Input1Offset), p.LeftShift);
        Vector256<int> shifted2 = Vector256.ShiftLeft(b + Vector256.Create(p.Input2Offset), p.LeftShift);
        Vector256<int> scaled1 = Requantization.RoundingDivideByPOT(
            Requantization.SaturatingRoundingDoublingHighMul(shifted1, Vector256.Create(p.Input1Multiplier)),
            Vector256.Create((uint)-p.Input1Shift));
        Vector256<int> scaled2 = Requantization.RoundingDivideByPOT(
            Requantization.SaturatingRoundingDoublingHighMul(shifted2, Vector256.Create(p.Input2Multiplier)),
            Vector256.Create((uint)-p.Input2Shift));
        Vector256<int> sum = Requantization.RoundingDivideByPOT(
            Requantization.SaturatingRoundingDoublingHighMul(scaled1 + scaled2, Vector256.Create(p.OutputMultiplier)),
            Vector256.Create((uint)-p.OutputShift)) + Vector256.Create(p.OutputOffset);
        return Vector256.Min(Vector256.Max(sum, Vector256.Create(p.OutputActivationMin)), Vector256.Create(p.OutputActivationMax));
    }
}
