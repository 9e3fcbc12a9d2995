using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SOFTMAX with legacy uint8 input and output, as TFLite's kernel runs it (activations.cc: PopulateSoftmaxLookupTable at
/// Prepare, optimized_ops::Softmax at Eval; TFLite has no other uint8 path and TFLM none at all). A table holds
/// e^(−input scale · β · d) for each difference d = 0..255 from the row maximum (C's expf, here the correctly rounded
/// <see cref="ExpMath.ExpCorrectlyRounded"/>); per row the float sum of the row's entries gives
/// p = entry / (sum · output scale), stored as (int)(p + 0.5) clamped to [0, 255] — TFLite's uint8 rounding on x86 (its
/// Arm64 build rounds with std::round and adds the zero point, which differs only where p + 0.5 rounds up in float).
/// </summary>
public static unsafe class SoftmaxUInt8
{
    public const int TableSize = 256;

    public static Status Prepare(KernelContext context, SoftmaxOpData* data, TensorInfo input, TensorInfo output, float beta)
    {
        Status status = context.ExpectType(output, TensorType.UInt8, "output"u8);
        if (status != Status.Ok) return status;
        if (!input.Quantization.HasQuantization || !output.Quantization.HasQuantization)
            return context.Errors.Fail(Status.Error, "uint8 SOFTMAX needs quantization parameters on input tensor "u8).Append(input.Index)
                .Append(" and output tensor "u8).Append(output.Index);
        data->UInt8ExpTable = (float*)context.AllocatePersistentBuffer(TableSize * sizeof(float));
        if (data->UInt8ExpTable == null) return context.Errors.LastStatus;
        PopulateTable(input.Quantization.Scale, beta, new Span<float>(data->UInt8ExpTable, TableSize));
        data->UInt8OutputScale = output.Quantization.Scale;
        return Status.Ok;
    }

    /// <summary>table[255 − d] = expf((−input scale · β) · d), the product of the two floats taken in float.</summary>
    public static void PopulateTable(float inputScale, float beta, Span<float> table)
    {
        float scale = -inputScale * beta;
        for (int d = 0; d < TableSize; d++) table[TableSize - 1 - d] = ExpMath.ExpCorrectlyRounded(scale * d);
    }

    public static void Eval(ReadOnlySpan<byte> input, Span<byte> output, int depth, ReadOnlySpan<float> table, float outputScale)
    {
        if (depth <= 0) return;
        for (int start = 0; start + depth <= input.Length; start += depth)
        {
            ReadOnlySpan<byte> row = input.Slice(start, depth);
            int max = 0;
            for (int j = 0; j < depth; j++) if (row[j] > max) max = row[j];
            // table[255 − max + x] = e^(−s·β·(max − x)).
            ReadOnlySpan<float> shifted = table.Slice(TableSize - 1 - max);
            float sum = 0f;
            for (int j = 0; j < depth; j++) sum += shifted[row[j]];
            float inverse = 1f / (sum * outputScale);
            for (int j = 0; j < depth; j++)
            {
                float rounded = shifted[row[j]] * inverse + 0.5f;
                // C's float → int32 conversion on x86 gives int.MinValue outside the range (or for NaN): clamped to 0.
                int quantized = rounded < 2147483648f ? (int)rounded : int.MinValue;
                output[start + j] = (byte)ActivationMath.Clamp(quantized, 0, 255);
            }
        }
    }
}
