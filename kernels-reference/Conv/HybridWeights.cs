using System;
using System.Buffers.Binary;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Weights of "hybrid" models (float32 activations, constant int8 weights), which TFLM refuses and we run:
/// CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED dequantize the weights once, at Prepare, into persistent arena
/// memory (4 bytes per weight) and Invoke runs the float kernel on that copy.
/// </summary>
public static unsafe class HybridWeights
{
    /// <summary>
    /// Checks that <paramref name="filter"/> is constant int8 with one scale (per tensor) or one per channel along
    /// <paramref name="quantizedDimension"/> (<paramref name="channels"/> of them), allocates the float copy and fills it.
    /// </summary>
    public static Status Dequantize(KernelContext context, TensorInfo filter, int channels, int quantizedDimension,
        out float* weights)
    {
        weights = null;
        ErrorReporter errors = context.Errors;
        QuantizationInfo q = filter.Quantization;
        if (filter.Type != TensorType.Int8)
            return errors.Fail(Status.Error, "float32 input needs a float32 or (hybrid) int8 filter, filter tensor "u8)
                .Append(filter.Index).Append(" is "u8).Append(TensorTypes.Name(filter.Type));
        if (!filter.IsConstant || filter.Data == null)
            return errors.Fail(Status.Error, "hybrid (float32 input, int8 weights) needs constant weights; filter tensor "u8)
                .Append(filter.Index).Append(" is not constant"u8);
        if (!q.HasQuantization)
            return errors.Fail(Status.Error, "hybrid (float32 input, int8 weights) needs a scale; filter tensor "u8)
                .Append(filter.Index).Append(" is not quantized"u8);
        if (q.ChannelCount != 1 && (q.ChannelCount != channels || q.QuantizedDimension != quantizedDimension))
            return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" has "u8).Append(q.ChannelCount)
                .Append(" scales along dimension "u8).Append(q.QuantizedDimension).Append(", expected 1 or "u8).Append(channels)
                .Append(" along dimension "u8).Append(quantizedDimension);
        if (q.ZeroPointCount > 1 && q.ZeroPointCount != q.ChannelCount)
            return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" has "u8).Append(q.ZeroPointCount)
                .Append(" zero points for "u8).Append(q.ChannelCount).Append(" scales"u8);

        // Elements after the quantized dimension: consecutive weights of one channel before the next channel starts.
        int inner = 1;
        for (int d = quantizedDimension + 1; d < filter.Rank; d++) inner *= filter.Dim(d);
        int count = filter.ElementCount;
        weights = (float*)context.AllocatePersistentBuffer((long)count * sizeof(float));
        if (weights == null) return errors.LastStatus;

        // A per-tensor quantization may come without a scale array; its single scale is then Scale.
        float singleScale = q.Scale;
        long singleZeroPoint = q.ZeroPoint;
        ReadOnlySpan<float> scales = q.Scales == null ? new ReadOnlySpan<float>(&singleScale, 1) : new ReadOnlySpan<float>(q.Scales, q.ChannelCount);
        // The model's int64 zero points may be only 4-byte aligned: they are passed as bytes and read unaligned.
        ReadOnlySpan<byte> zeroPoints = q.ZeroPoints == null ? new ReadOnlySpan<byte>(&singleZeroPoint, 8) : new ReadOnlySpan<byte>(q.ZeroPoints, 8 * q.ZeroPointCount);
        // LUT-compressed weights are decompressed into temp memory first; only the float copy outlives Prepare.
        void* source = filter.Data;
        void* decompressed = null;
        if (context.IsCompressed(filter.Index))
        {
            decompressed = context.AllocateTempBuffer(count, 16);
            if (decompressed == null) return errors.LastStatus;
            Status status = context.DecompressTensor(filter.Index, decompressed, count);
            if (status != Status.Ok)
            {
                context.DeallocateTempBuffer(decompressed);
                return status;
            }
            source = decompressed;
        }
        DequantizePerChannel(new ReadOnlySpan<sbyte>(source, count), new Span<float>(weights, count), inner, scales, zeroPoints);
        if (decompressed != null) context.DeallocateTempBuffer(decompressed);
        return Status.Ok;
    }

    /// <summary>
    /// weight[i] = scale[c] × (q[i] − zero_point[c]) with c = (i / <paramref name="inner"/>) mod scale count — TFLM's
    /// (per-channel) Dequantize. TFLM multiplies in double (per tensor) or float (per channel) and narrows to float; a
    /// float scale times a difference of at most 9 bits is exact in double, so both equal this float product.
    /// A single scale or zero point applies to every channel. <paramref name="zeroPoints"/> holds little-endian int64
    /// values at any alignment.
    /// </summary>
    public static void DequantizePerChannel(ReadOnlySpan<sbyte> quantized, Span<float> output, int inner,
        ReadOnlySpan<float> scales, ReadOnlySpan<byte> zeroPoints)
    {
        int channels = scales.Length;
        bool single = zeroPoints.Length == sizeof(long);
        for (int i = 0; i < quantized.Length; i++)
        {
            int channel = channels == 1 ? 0 : (i / inner) % channels;
            int zeroPoint = (int)BinaryPrimitives.ReadInt64LittleEndian(zeroPoints.Slice(single ? 0 : channel * sizeof(long), sizeof(long)));
            output[i] = scales[channel] * (quantized[i] - zeroPoint);
        }
    }
}
