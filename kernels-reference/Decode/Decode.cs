using System;
using System.Runtime.InteropServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DECODE (TFLM custom op "TFLM_DECODE", kernels/decode.cc): expands constant compressed tensors at run time. Input
/// pair i (encoded, ancillary) decodes into output i with the LUT, Huffman or Prune decoder named by the ancillary
/// tensor's metadata. Values are copied bit for bit, so bool and float32 tables decode like the integer types of the
/// same width.
/// </summary>
public sealed unsafe class Decode : OpKernel
{
    public static readonly Decode Kernel = new Decode();

    /// <summary>The custom-op name TFLM registers (<c>AddDecode</c>).</summary>
    public static ReadOnlySpan<byte> CustomName => "TFLM_DECODE"u8;

    public override Status Init(KernelContext context, ref Node node) => DecodeCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => DecodeCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        DecodeOpData* data = (DecodeOpData*)node.UserData;
        int outputs = node.OutputCount;
        for (int o = 0; o < outputs; o++)
        {
            ref EvalTensor input = ref context.GetInput(ref node, 2 * o);
            ref EvalTensor ancillary = ref context.GetInput(ref node, 2 * o + 1);
            ref EvalTensor output = ref context.GetOutput(ref node, o);
            ReadOnlySpan<byte> encoded = new ReadOnlySpan<byte>(input.Data, input.ByteCount);
            ReadOnlySpan<byte> tables = new ReadOnlySpan<byte>(ancillary.Data, ancillary.ByteCount).Slice(DecodeMetadata.SizeInBytes);
            Span<byte> decoded = new Span<byte>(output.Data, data[o].ElementCount * data[o].ElementSize);
            Status status = DecodeOutput(ref data[o], encoded, tables, decoded);
            if (status != Status.Ok)
                return context.Errors.Fail(status, "output "u8).Append(o).Append(": the encoded data changed since Prepare validated it"u8);
        }
        return Status.Ok;
    }

    private static Status DecodeOutput(ref DecodeOpData data, ReadOnlySpan<byte> encoded, ReadOnlySpan<byte> tables, Span<byte> decoded)
    {
        switch (data.Type)
        {
            case DecodeType.Lut:
                switch (data.ElementSize)
                {
                    case 1: Lut<byte>(ref data, encoded, tables, decoded); break;
                    case 2: Lut<ushort>(ref data, encoded, tables, decoded); break;
                    case 4: Lut<uint>(ref data, encoded, tables, decoded); break;
                    default: Lut<ulong>(ref data, encoded, tables, decoded); break;
                }
                return Status.Ok;
            case DecodeType.Prune:
                if (data.ZeroPoints != null)
                {
                    DecodePruneMath.DecodePerChannelInt8(encoded, MemoryMarshal.Cast<byte, sbyte>(tables),
                        new ReadOnlySpan<sbyte>(data.ZeroPoints, data.ChannelCount), data.UseAlternateAxis, MemoryMarshal.Cast<byte, sbyte>(decoded));
                    return Status.Ok;
                }
                switch (data.ElementSize)
                {
                    // Only int8 may have a non-zero zero point; every other type fills with 0.
                    case 1: DecodePruneMath.Decode(encoded, tables, (byte)data.SingleZeroPoint, decoded); break;
                    case 2: DecodePruneMath.Decode(encoded, MemoryMarshal.Cast<byte, ushort>(tables), (ushort)0, MemoryMarshal.Cast<byte, ushort>(decoded)); break;
                    case 4: DecodePruneMath.Decode(encoded, MemoryMarshal.Cast<byte, uint>(tables), 0u, MemoryMarshal.Cast<byte, uint>(decoded)); break;
                    default: DecodePruneMath.Decode(encoded, MemoryMarshal.Cast<byte, ulong>(tables), 0ul, MemoryMarshal.Cast<byte, ulong>(decoded)); break;
                }
                return Status.Ok;
            case DecodeType.Huffman:
                DecodeHuffmanResult result = data.ElementSize == 1
                    ? DecodeHuffmanMath.Decode(encoded, tables, data.WideTable, data.InitialTableBits, data.ElementCount,
                        MemoryMarshal.Cast<byte, sbyte>(decoded), out _)
                    : DecodeHuffmanMath.Decode(encoded, tables, data.WideTable, data.InitialTableBits, data.ElementCount,
                        MemoryMarshal.Cast<byte, short>(decoded), out _);
                return result == DecodeHuffmanResult.Ok ? Status.Ok : Status.Error;
            default:
                return Status.Error;
        }
    }

    private static void Lut<T>(ref DecodeOpData data, ReadOnlySpan<byte> encoded, ReadOnlySpan<byte> tables, Span<byte> decoded) where T : unmanaged
    {
        int tableBytes = data.ChannelCount * data.ValueTableStride * data.ElementSize;
        DecodeLutMath.Decode(encoded, data.BitWidth, MemoryMarshal.Cast<byte, T>(tables.Slice(0, tableBytes)), data.ValueTableStride,
            data.ChannelCount, data.UseAlternateAxis, MemoryMarshal.Cast<byte, T>(decoded));
    }
}
