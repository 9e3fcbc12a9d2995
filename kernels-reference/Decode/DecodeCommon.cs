using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DECODE's Init and Prepare (TFLM kernels/decode.cc and the Setup of each DecodeState). Inputs come in pairs
/// (encoded tensor, ancillary tensor), both constant, and pair i decodes into output i. The ancillary tensor starts
/// with the 16-byte Decode Common Metadata (<see cref="DecodeMetadata"/>) followed by the decoder's tables.
/// Everything TFLM rejects is rejected with a message naming the output; unlike TFLM, Prepare also proves that
/// Invoke stays inside every tensor (metadata present, bit string long enough, tables large enough, every LUT index
/// and Huffman walk inside its table), because the ancillary data comes from the model and may be malformed.
/// </summary>
public static unsafe class DecodeCommon
{
    /// <summary>Allocates one <see cref="DecodeOpData"/> per output (TFLM allocates its DecodeState pointers in Prepare).</summary>
    public static Status Init(KernelContext context, ref Node node)
    {
        int outputs = node.OutputCount;
        if (outputs <= 0) return Status.Ok; // Prepare reports it
        DecodeOpData* data = (DecodeOpData*)context.AllocatePersistentBuffer((long)outputs * sizeof(DecodeOpData));
        if (data == null) return context.Errors.LastStatus;
        for (int i = 0; i < outputs; i++) data[i] = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        int outputs = node.OutputCount;
        if (outputs <= 0 || node.InputCount != 2 * outputs)
            return context.Errors.Fail(Status.Error, "expects two inputs (encoded, ancillary) per output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(outputs).Append(" outputs"u8);
        DecodeOpData* data = (DecodeOpData*)node.UserData;
        if (data == null) return context.Fail("per-output state was not allocated in Init"u8);

        for (int o = 0; o < outputs; o++)
        {
            Status status = PrepareOutput(context, ref node, o, &data[o]);
            if (status != Status.Ok) return status;
        }
        return Status.Ok;
    }

    private static Status PrepareOutput(KernelContext context, ref Node node, int o, DecodeOpData* data)
    {
        TensorInfo input = context.GetInputInfo(ref node, 2 * o);
        TensorInfo ancillary = context.GetInputInfo(ref node, 2 * o + 1);
        TensorInfo output = context.GetOutputInfo(ref node, o);
        if (!input.Exists || !ancillary.Exists || !output.Exists)
            return context.Errors.Fail(Status.Error, "output "u8).Append(o).Append(": its encoded, ancillary and output tensors must all exist"u8);
        if (!input.IsConstant || input.Data == null)
            return Fail(context, o, "encoded tensor "u8).Append(input.Index).Append(" must be constant"u8);
        if (!ancillary.IsConstant || ancillary.Data == null)
            return Fail(context, o, "ancillary tensor "u8).Append(ancillary.Index).Append(" must be constant"u8);

        ReadOnlySpan<byte> metadata = Bytes(ancillary);
        if (metadata.Length < DecodeMetadata.SizeInBytes)
            return Fail(context, o, "ancillary tensor "u8).Append(ancillary.Index).Append(" has "u8).Append(metadata.Length)
                .Append(" bytes, fewer than the 16-byte decode common metadata"u8);
        if (metadata[DecodeMetadata.VersionOffset] != DecodeMetadata.SupportedVersion)
            return Fail(context, o, "decode common metadata version "u8).Append((int)metadata[DecodeMetadata.VersionOffset])
                .Append(" != 1 (ancillary tensor "u8).Append(ancillary.Index).Append(')');

        *data = default;
        data->Type = (DecodeType)metadata[DecodeMetadata.TypeOffset];
        data->ElementCount = output.ElementCount;
        switch (data->Type)
        {
            case DecodeType.Lut:
                return PrepareLut(context, o, input, ancillary, output, data);
            case DecodeType.Huffman:
                return PrepareHuffman(context, o, input, ancillary, output, data);
            case DecodeType.Prune:
                return PreparePrune(context, o, input, ancillary, output, data);
            default:
                int type = metadata[DecodeMetadata.TypeOffset];
                if (type >= (int)DecodeType.Custom)
                    return Fail(context, o, "custom decode type "u8).Append(type).Append(" has no registered decoder"u8);
                return Fail(context, o, "unsupported decode type "u8).Append(type);
        }
    }

    private static Status PrepareLut(KernelContext context, int o, TensorInfo input, TensorInfo ancillary, TensorInfo output, DecodeOpData* data)
    {
        ReadOnlySpan<byte> metadata = Bytes(ancillary);
        Status status = CheckDecoderVersion(context, o, metadata, "LUT"u8);
        if (status == Status.Ok) status = ElementSize(context, o, output, data);
        if (status == Status.Ok) status = ResolveChannels(context, o, output, data);
        if (status != Status.Ok) return status;

        data->BitWidth = metadata[DecodeMetadata.LutParametersOffset] & DecodeMetadata.LutBitWidthMask;
        data->ValueTableStride = metadata[DecodeMetadata.LutValueTableStrideOffset];
        if (data->BitWidth == 0)
            return Fail(context, o, "LUT index bit width 0 is out of range 1..7"u8);

        ReadOnlySpan<byte> indices = Bytes(input);
        long needed = DecodeLutMath.EncodedByteCount(data->ElementCount, data->BitWidth);
        if (indices.Length < needed)
            return Fail(context, o, "encoded tensor "u8).Append(input.Index).Append(" has "u8).Append(indices.Length).Append(" bytes, "u8)
                .Append(data->ElementCount).Append(" indices of "u8).Append(data->BitWidth).Append(" bits need "u8).Append(needed);
        long tableBytes = (long)data->ChannelCount * data->ValueTableStride * data->ElementSize;
        if (metadata.Length - DecodeMetadata.SizeInBytes < tableBytes)
            return Fail(context, o, "ancillary tensor "u8).Append(ancillary.Index).Append(" holds "u8)
                .Append(metadata.Length - DecodeMetadata.SizeInBytes).Append(" value-table bytes, "u8).Append(data->ChannelCount)
                .Append(" channels of stride "u8).Append(data->ValueTableStride).Append(" need "u8).Append(tableBytes);
        long bad = DecodeLutMath.FindIndexBeyondTable(indices, data->ElementCount, data->BitWidth, data->ValueTableStride, out int index);
        if (bad >= 0)
            return Fail(context, o, "LUT index "u8).Append(index).Append(" of element "u8).Append(bad)
                .Append(" is beyond the value table of "u8).Append(data->ValueTableStride).Append(" entries per channel"u8);
        return Status.Ok;
    }

    private static Status PreparePrune(KernelContext context, int o, TensorInfo input, TensorInfo ancillary, TensorInfo output, DecodeOpData* data)
    {
        ReadOnlySpan<byte> metadata = Bytes(ancillary);
        Status status = CheckDecoderVersion(context, o, metadata, "Prune"u8);
        if (status == Status.Ok) status = ElementSize(context, o, output, data);
        if (status == Status.Ok) status = ResolveChannels(context, o, output, data);
        if (status == Status.Ok) status = ResolveZeroPoints(context, o, output, data);
        if (status != Status.Ok) return status;

        ReadOnlySpan<byte> mask = Bytes(input);
        long needed = DecodePruneMath.EncodedByteCount(data->ElementCount);
        if (mask.Length < needed)
            return Fail(context, o, "encoded tensor "u8).Append(input.Index).Append(" has "u8).Append(mask.Length).Append(" bytes, a mask of "u8)
                .Append(data->ElementCount).Append(" elements needs "u8).Append(needed);
        long valueBytes = (long)DecodePruneMath.CountKept(mask, data->ElementCount) * data->ElementSize;
        if (metadata.Length - DecodeMetadata.SizeInBytes < valueBytes)
            return Fail(context, o, "ancillary tensor "u8).Append(ancillary.Index).Append(" holds "u8)
                .Append(metadata.Length - DecodeMetadata.SizeInBytes).Append(" value bytes, the mask keeps values needing "u8).Append(valueBytes);
        return Status.Ok;
    }

    private static Status PrepareHuffman(KernelContext context, int o, TensorInfo input, TensorInfo ancillary, TensorInfo output, DecodeOpData* data)
    {
        ReadOnlySpan<byte> metadata = Bytes(ancillary);
        Status status = CheckDecoderVersion(context, o, metadata, "Huffman"u8);
        if (status != Status.Ok) return status;
        byte tableSize = metadata[DecodeMetadata.HuffmanTableSizeOffset];
        data->WideTable = (tableSize & DecodeMetadata.HuffmanWideTableMask) != 0;
        data->InitialTableBits = ((tableSize & DecodeMetadata.HuffmanInitialSizeMask) >> DecodeMetadata.HuffmanInitialSizeShift) + 1;
        data->ChannelCount = 1;
        if (!data->WideTable && output.Type != TensorType.Int8)
            return Fail(context, o, "output tensor "u8).Append(output.Index).Append(" has type "u8).Append(TensorTypes.Name(output.Type))
                .Append(", 16-bit Huffman tables decode INT8 only"u8);
        if (output.Type != TensorType.Int8 && output.Type != TensorType.Int16)
            return Fail(context, o, "output tensor "u8).Append(output.Index).Append(" has type "u8).Append(TensorTypes.Name(output.Type))
                .Append(", Huffman decodes INT8 and INT16 only"u8);
        data->ElementSize = output.Type == TensorType.Int8 ? 1 : 2;

        // The tensors are constant, so one dry run proves every Invoke stays inside them.
        DecodeHuffmanResult result = DecodeHuffmanMath.Decode<sbyte>(Bytes(input), metadata.Slice(DecodeMetadata.SizeInBytes),
            data->WideTable, data->InitialTableBits, data->ElementCount, default, out int symbol);
        if (result == DecodeHuffmanResult.TableIndexBeyondTables)
            return Fail(context, o, "Huffman symbol "u8).Append(symbol).Append(" looks up an entry beyond the tables of ancillary tensor "u8)
                .Append(ancillary.Index);
        if (result == DecodeHuffmanResult.BitstringTooShort)
            return Fail(context, o, "encoded tensor "u8).Append(input.Index).Append(" ends inside Huffman symbol "u8).Append(symbol)
                .Append(" of "u8).Append(data->ElementCount);
        return Status.Ok;
    }

    private static Status CheckDecoderVersion(KernelContext context, int o, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> decoder)
    {
        byte version = metadata[DecodeMetadata.DecoderVersionOffset];
        if (version == DecodeMetadata.SupportedVersion) return Status.Ok;
        return Fail(context, o, decoder).Append(" version "u8).Append((int)version).Append(" is not supported (expected 1)"u8);
    }

    /// <summary>The value types LUT and Prune copy: bool, int8, int16, float32, int32, int64.</summary>
    private static Status ElementSize(KernelContext context, int o, TensorInfo output, DecodeOpData* data)
    {
        switch (output.Type)
        {
            case TensorType.Bool:
            case TensorType.Int8:
                data->ElementSize = 1;
                return Status.Ok;
            case TensorType.Int16:
                data->ElementSize = 2;
                return Status.Ok;
            case TensorType.Float32:
            case TensorType.Int32:
                data->ElementSize = 4;
                return Status.Ok;
            case TensorType.Int64:
                data->ElementSize = 8;
                return Status.Ok;
        }
        return Fail(context, o, "output tensor "u8).Append(output.Index).Append(" has unsupported type "u8).Append(TensorTypes.Name(output.Type));
    }

    /// <summary>
    /// TFLM's channel resolution: a quantized output has one channel per scale; several channels along the last
    /// dimension cycle per element, otherwise the quantized dimension must be 0 (even with a single channel).
    /// </summary>
    private static Status ResolveChannels(KernelContext context, int o, TensorInfo output, DecodeOpData* data)
    {
        data->ChannelCount = 1;
        data->UseAlternateAxis = false;
        QuantizationInfo quantization = output.Quantization;
        if (quantization.HasQuantization)
        {
            data->ChannelCount = quantization.ChannelCount;
            if (quantization.QuantizedDimension == output.Rank - 1 && quantization.ChannelCount > 1)
                data->UseAlternateAxis = true;
            else if (quantization.QuantizedDimension != 0)
                return Fail(context, o, "unsupported quantization axis "u8).Append(quantization.QuantizedDimension).Append(" of output tensor "u8)
                    .Append(output.Index).Append(" (must be 0, or the last axis with several channels)"u8);
        }
        if (data->ElementCount % data->ChannelCount != 0)
            return Fail(context, o, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(data->ElementCount)
                .Append(" elements, not a multiple of its "u8).Append(data->ChannelCount).Append(" channels"u8);
        return Status.Ok;
    }

    /// <summary>
    /// Prune's zero points: only int8 outputs may have non-zero ones; per-channel values are copied to the arena when
    /// they are not all zero (TFLM keeps a single zero point otherwise).
    /// </summary>
    private static Status ResolveZeroPoints(KernelContext context, int o, TensorInfo output, DecodeOpData* data)
    {
        data->SingleZeroPoint = 0;
        data->ZeroPoints = null;
        QuantizationInfo quantization = output.Quantization;
        if (!quantization.HasQuantization) return Status.Ok;
        if (quantization.ZeroPointCount > 1 && quantization.ZeroPointCount != quantization.ChannelCount)
            return Fail(context, o, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(quantization.ZeroPointCount)
                .Append(" zero points for "u8).Append(quantization.ChannelCount).Append(" scales"u8);

        bool anyNonZero = false;
        for (int c = 0; c < data->ChannelCount; c++)
        {
            int zeroPoint = quantization.ChannelZeroPoint(c);
            if (zeroPoint != 0) anyNonZero = true;
            if (zeroPoint < sbyte.MinValue || zeroPoint > sbyte.MaxValue)
                return Fail(context, o, "zero point "u8).Append(zeroPoint).Append(" of output tensor "u8).Append(output.Index)
                    .Append(" is outside the int8 range"u8);
        }
        if (!anyNonZero) return Status.Ok;
        if (output.Type != TensorType.Int8)
            return Fail(context, o, "all zero points of "u8).Append(TensorTypes.Name(output.Type)).Append(" output tensor "u8)
                .Append(output.Index).Append(" must be zero"u8);
        if (data->ChannelCount == 1)
        {
            data->SingleZeroPoint = (sbyte)quantization.ChannelZeroPoint(0);
            return Status.Ok;
        }
        sbyte* zeroPoints = (sbyte*)context.AllocatePersistentBuffer(data->ChannelCount);
        if (zeroPoints == null) return context.Errors.LastStatus;
        for (int c = 0; c < data->ChannelCount; c++) zeroPoints[c] = (sbyte)quantization.ChannelZeroPoint(c);
        data->ZeroPoints = zeroPoints;
        return Status.Ok;
    }

    private static ReadOnlySpan<byte> Bytes(TensorInfo tensor)
    {
        int bytes = tensor.ByteCount;
        return tensor.Data == null || bytes <= 0 ? default : new ReadOnlySpan<byte>(tensor.Data, bytes);
    }

    private static ErrorReporter Fail(KernelContext context, int output, ReadOnlySpan<byte> text) =>
        context.Errors.Fail(Status.Error, "output "u8).Append(output).Append(": "u8).Append(text);
}
