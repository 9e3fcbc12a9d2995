using System;
using TfLiteMicro.Compression;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;
using Buffer = TfLiteMicro.Schema.Buffer;

namespace TfLiteMicro;

// LUT-compressed constant tensors (TFLM's USE_TFLM_COMPRESSION): the COMPRESSION_METADATA is read and checked once
// at StartModelAllocation, every compressed tensor gets a LutTensor entry in the tail, and kernels that support
// compression decompress at Invoke into a scratch buffer they requested in Prepare. Unlike TFLM, a kernel that does
// not decompress an input it is given compressed is an error at Prepare, not silently wrong numbers.
//
// Like TFLM, whose compression code is compiled only with USE_TFLM_COMPRESSION, the reading of the metadata and the
// decompression are reached only through two function pointers that EnableCompression sets: a firmware that never
// calls it does not link them (ilc compiles what a program can reach; 8.8 KB of the KWS image). On a .NET host it is
// on from the start (MicroInterpreter.Compression.Host.cs).
public sealed unsafe partial class MicroInterpreter
{
    private static delegate*<MicroInterpreter, Status> attachCompression;
    private static delegate*<MicroInterpreter, int, void*, int, Status> decompressTensor;

    /// <summary>
    /// Lets interpreters run LUT-compressed models (TFLM's COMPRESSION_METADATA). Always on on a .NET host; a
    /// firmware calls it once before creating an interpreter for a compressed model (without it such a model fails
    /// in <see cref="AllocateTensors"/> with a message saying so, and the decompression code is not linked).
    /// </summary>
    public static void EnableCompression()
    {
        attachCompression = &AttachCompressedTensorsOf;
        decompressTensor = &DecompressTensorOf;
    }

    private static Status AttachCompressedTensorsOf(MicroInterpreter interpreter) => interpreter.AttachCompressedTensors();

    private static Status DecompressTensorOf(MicroInterpreter interpreter, int tensorIndex, void* destination, int destinationBytes) =>
        interpreter.DecompressTensorNow(tensorIndex, destination, destinationBytes);

    /// <summary>The compressed tensors of the model, or an error for a compressed model when compression is not enabled.</summary>
    private Status AttachCompression()
    {
        CompressedTensorCount = 0;
        if (attachCompression != null) return attachCompression(this);
        if (!model.TryGetMetadataBuffer(CompressionMetadata.MetadataName, out _)) return Status.Ok;
        return Errors.Fail(Status.UnsupportedOperator, "the model is LUT-compressed (COMPRESSION_METADATA) but decompression is not linked: call MicroInterpreter.EnableCompression() before creating the interpreter"u8);
    }

    private static ReadOnlySpan<byte> DecompressingKernels => "TFLM decompresses only in FULLY_CONNECTED, CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV, CONCATENATION and ASSIGN_VARIABLE"u8;

    /// <summary>Number of LUT-compressed tensors over all subgraphs (0 for an uncompressed model).</summary>
    public int CompressedTensorCount { get; private set; }

    private Status AttachCompressedTensors()
    {
        CompressedTensorCount = 0;
        if (!model.TryGetMetadataBuffer(CompressionMetadata.MetadataName, out Buffer metadataBuffer)) return Status.Ok;
        Status status = CompressionMetadata.Open(metadataBuffer, Errors, out CompressionMetadata metadata);
        if (status != Status.Ok) return status;
        if (metadata.SubgraphCount > subgraphCount)
        {
            return Errors.Fail(Status.MalformedModel, "COMPRESSION_METADATA describes "u8).Append(metadata.SubgraphCount)
                .Append(" subgraphs but the model has "u8).Append(subgraphCount);
        }

        for (int s = 0; s < metadata.SubgraphCount; s++)
        {
            int lutCount = metadata.LutTensorCount(s);
            if (lutCount == 0) continue;
            SubgraphAllocation* sub = &subgraphs[s];
            int tableBytes = sub->TensorCount * sizeof(LutTensor*);
            sub->Compressed = (LutTensor**)allocator.AllocatePersistent(tableBytes, sizeof(void*), AllocationCategory.CompressionData);
            if (sub->Compressed == null) return ArenaTooSmall(tableBytes, "compression tables"u8);
            new Span<byte>(sub->Compressed, tableBytes).Clear();

            for (int i = 0; i < lutCount; i++)
            {
                metadata.GetLutTensor(s, i, out int tensorIndex, out uint valueBuffer, out int bitWidth);
                status = AttachLutTensor(s, tensorIndex, valueBuffer, bitWidth);
                if (status != Status.Ok)
                {
                    Errors.Prefix("): "u8);
                    Errors.Prefix(i);
                    Errors.PrefixText(", lut_tensors "u8);
                    Errors.Prefix(s);
                    Errors.PrefixText("COMPRESSION_METADATA (subgraph "u8);
                    return status;
                }
                CompressedTensorCount++;
            }
        }
        return CheckUncompressedConstants();
    }

    /// <summary>
    /// The model verifier leaves constant lengths of a compressed model unchecked (it does not read the metadata);
    /// every constant not listed as compressed (and not sparse) must still hold shape × element size bytes.
    /// </summary>
    private Status CheckUncompressedConstants()
    {
        for (int s = 0; s < subgraphCount; s++)
        {
            SubgraphAllocation* sub = &subgraphs[s];
            SubGraph subgraph = model.GetSubgraph(s);
            for (int t = 0; t < sub->TensorCount; t++)
            {
                if (sub->Compressed != null && sub->Compressed[t] != null) continue;
                Tensor tensor = subgraph.GetTensor(t);
                int stored = model.GetBuffer(tensor.BufferIndex).Length;
                if (stored == 0 || tensor.HasSparsity) continue;
                long elements = Dimensions.ElementCount(sub->Tensors[t].Dims);
                if (ModelVerifier.IsStoredDense(tensor.Type, elements, stored)) continue;
                return Errors.Fail(Status.MalformedModel, "subgraph "u8).Append(s).Append(", tensor "u8).Append(t)
                    .Append(": constant data is "u8).Append(stored).Append(" bytes but "u8).Append(elements).Append(' ')
                    .Append(TensorTypes.Name(tensor.Type)).Append(" elements need "u8).Append(TensorTypes.BytesFor(tensor.Type, elements))
                    .Append(" and the tensor is not listed in COMPRESSION_METADATA"u8);
            }
        }
        return Status.Ok;
    }

    private Status AttachLutTensor(int subgraphIndex, int tensorIndex, uint valueBufferIndex, int bitWidth)
    {
        SubgraphAllocation* sub = &subgraphs[subgraphIndex];
        if ((uint)tensorIndex >= (uint)sub->TensorCount)
        {
            return Errors.Fail(Status.MalformedModel, "tensor index "u8).Append(tensorIndex).Append(" is out of range ("u8)
                .Append(sub->TensorCount).Append(" tensors)"u8);
        }
        if (sub->Compressed[tensorIndex] != null) return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(" is listed twice"u8);
        // A subgraph output is read (or copied by IF/WHILE/CALL_ONCE) as shape x type bytes; a compressed buffer is shorter.
        IntVector outputs = model.GetSubgraph(subgraphIndex).Outputs;
        for (int o = 0; o < outputs.Count; o++)
        {
            if (outputs[o] == tensorIndex)
                return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(" is a subgraph output; outputs cannot be compressed"u8);
        }

        Tensor tensor = model.GetSubgraph(subgraphIndex).GetTensor(tensorIndex);
        EvalTensor* eval = &sub->Tensors[tensorIndex];
        if (eval->Data == null)
        {
            return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex)
                .Append(" is not a constant tensor; only constant tensors can be compressed"u8);
        }
        int elementSize = CompressedElementSize(tensor.Type);
        if (elementSize == 0)
        {
            return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(" has type "u8).Append(TensorTypes.Name(tensor.Type))
                .Append("; compressed tensors must be FLOAT32, INT8, INT16, INT32, INT64 or BOOL (as in TFLM)"u8);
        }
        if (bitWidth < 1 || bitWidth > LutDecompression.MaxBitWidth)
        {
            return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(": index_bitwidth "u8).Append(bitWidth)
                .Append(" is outside 1.."u8).Append(LutDecompression.MaxBitWidth);
        }
        if (valueBufferIndex >= (uint)model.BufferCount)
        {
            return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(": value_buffer "u8).Append(valueBufferIndex)
                .Append(" is out of range ("u8).Append(model.BufferCount).Append(" buffers)"u8);
        }
        Buffer values = model.GetBuffer((int)valueBufferIndex);
        if (values.Length == 0 || values.Length % elementSize != 0)
        {
            return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(": value buffer "u8).Append(valueBufferIndex)
                .Append(" holds "u8).Append(values.Length).Append(" bytes, not a whole number of "u8).Append(TensorTypes.Name(tensor.Type))
                .Append(" values"u8);
        }

        int elementCount = Dimensions.ElementCount(eval->Dims);
        int channelCount = 1;
        bool channelIsLastAxis = false;
        if (tensor.HasQuantization && tensor.Quantization.Scale.Count > 1)
        {
            // Per-channel quantized: one value table per channel, along the quantized dimension (first or last axis).
            channelCount = tensor.Quantization.Scale.Count;
            int axis = tensor.Quantization.QuantizedDimension;
            int rank = eval->Dims[0];
            if (axis != 0 && axis != rank - 1)
            {
                return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(" is quantized along axis "u8).Append(axis)
                    .Append("; compression supports per-channel tables only along the first or the last axis"u8);
            }
            if (rank == 0 || eval->Dims[1 + axis] != channelCount)
            {
                return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(" has "u8).Append(channelCount)
                    .Append(" quantization channels but dimension "u8).Append(axis).Append(" is "u8).Append(rank == 0 ? 0 : eval->Dims[1 + axis]);
            }
            channelIsLastAxis = axis != 0 && rank > 1;
        }

        int valueCount = values.Length / elementSize;
        if (valueCount % channelCount != 0)
        {
            return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(": "u8).Append(valueCount)
                .Append(" table values do not divide into "u8).Append(channelCount).Append(" channels"u8);
        }
        int valuesPerChannel = valueCount / channelCount;
        if (valuesPerChannel > LutDecompression.MaxValuesPerChannel)
        {
            return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(": "u8).Append(valuesPerChannel)
                .Append(" values per channel table; at most "u8).Append(LutDecompression.MaxValuesPerChannel).Append(" are supported"u8);
        }

        Buffer packed = model.GetBuffer(tensor.BufferIndex);
        long packedBytes = LutDecompression.PackedBytes(elementCount, bitWidth);
        if (packed.Length < packedBytes)
        {
            return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(": "u8).Append(elementCount).Append(" indices of "u8)
                .Append(bitWidth).Append(" bits need "u8).Append(packedBytes).Append(" bytes but the buffer holds "u8).Append(packed.Length);
        }
        // Checked once here so that decompression at Invoke can never read outside a channel's table.
        int badElement = LutDecompression.FindIndexOutOfRange(packed.Bytes, elementCount, bitWidth, valuesPerChannel);
        if (badElement >= 0)
        {
            return Errors.Fail(Status.MalformedModel, "tensor "u8).Append(tensorIndex).Append(": element "u8).Append(badElement)
                .Append(" has index "u8).Append(LutDecompression.IndexAt(packed.Bytes, badElement, bitWidth))
                .Append(" but each value table holds "u8).Append(valuesPerChannel).Append(" values"u8);
        }

        LutTensor* lut = (LutTensor*)allocator.AllocatePersistent(sizeof(LutTensor), sizeof(void*), AllocationCategory.CompressionData);
        if (lut == null) return ArenaTooSmall(sizeof(LutTensor), "compression tables"u8);
        sub->Compressed[tensorIndex] = lut;
        lut->ValueTable = values.Data;
        lut->ValuesPerChannel = valuesPerChannel;
        lut->ChannelCount = channelCount;
        lut->ElementCount = elementCount;
        lut->ElementSize = elementSize;
        lut->BitWidth = bitWidth;
        lut->ChannelIsLastAxis = channelIsLastAxis;
        lut->ClaimedBySubgraph = -1;
        lut->ClaimedByNode = -1;
        return Status.Ok;
    }

    private static int CompressedElementSize(TensorType type)
    {
        switch (type)
        {
            case TensorType.Float32:
            case TensorType.Int32:
                return 4;
            case TensorType.Int8:
            case TensorType.Bool:
                return 1;
            case TensorType.Int16:
                return 2;
            case TensorType.Int64:
                return 8;
            default:
                return 0;
        }
    }

    private LutTensor* CompressedEntry(int subgraphIndex, int tensorIndex)
    {
        if ((uint)subgraphIndex >= (uint)subgraphCount) return null;
        SubgraphAllocation* sub = &subgraphs[subgraphIndex];
        if (sub->Compressed == null || (uint)tensorIndex >= (uint)sub->TensorCount) return null;
        return sub->Compressed[tensorIndex];
    }

    internal bool IsTensorCompressed(int tensorIndex) => CompressedEntry(currentSubgraph, tensorIndex) != null;

    /// <summary>The current node says it decompresses <paramref name="tensorIndex"/>; false when it is not compressed.</summary>
    internal bool AcceptCompressedTensor(int tensorIndex)
    {
        LutTensor* lut = CompressedEntry(currentSubgraph, tensorIndex);
        if (lut == null) return false;
        lut->ClaimedBySubgraph = currentSubgraph;
        lut->ClaimedByNode = currentNode;
        return true;
    }

    /// <summary>Bytes of the decompressed tensor (element count × element size).</summary>
    internal int DecompressedBytes(int tensorIndex)
    {
        LutTensor* lut = CompressedEntry(currentSubgraph, tensorIndex);
        return lut == null ? 0 : lut->ElementCount * lut->ElementSize;
    }

    internal Status DecompressTensor(int tensorIndex, void* destination, int destinationBytes)
    {
        // Without EnableCompression no tensor is compressed, so a kernel never gets here with one.
        if (decompressTensor == null) return Errors.Fail(Status.InvalidArgument, "tensor "u8).Append(tensorIndex).Append(" is not compressed"u8);
        return decompressTensor(this, tensorIndex, destination, destinationBytes);
    }

    private Status DecompressTensorNow(int tensorIndex, void* destination, int destinationBytes)
    {
        LutTensor* lut = CompressedEntry(currentSubgraph, tensorIndex);
        if (lut == null) return Errors.Fail(Status.InvalidArgument, "tensor "u8).Append(tensorIndex).Append(" is not compressed"u8);
        int bytes = lut->ElementCount * lut->ElementSize;
        if (destination == null || destinationBytes < bytes)
        {
            return Errors.Fail(Status.InvalidArgument, "decompressing tensor "u8).Append(tensorIndex).Append(" needs "u8).Append(bytes)
                .Append(" bytes, the destination has "u8).Append(destinationBytes);
        }
        EvalTensor* eval = &subgraphs[currentSubgraph].Tensors[tensorIndex];
        LutDecompression.Decompress(
            new ReadOnlySpan<byte>(eval->Data, (int)LutDecompression.PackedBytes(lut->ElementCount, lut->BitWidth)),
            lut->ElementCount, lut->BitWidth,
            new ReadOnlySpan<byte>(lut->ValueTable, lut->ValuesPerChannel * lut->ChannelCount * lut->ElementSize),
            lut->ElementSize, lut->ChannelCount, lut->ValuesPerChannel, lut->ChannelIsLastAxis,
            new Span<byte>(destination, bytes));
        return Status.Ok;
    }

    /// <summary>After a node's Prepare: every compressed input must have been accepted by its kernel.</summary>
    private Status CheckCompressedInputsAccepted(ref Node node)
    {
        if (subgraphs[currentSubgraph].Compressed == null) return Status.Ok;
        for (int i = 0; i < node.InputCount; i++)
        {
            int tensorIndex = node.InputIndex(i);
            LutTensor* lut = CompressedEntry(currentSubgraph, tensorIndex);
            if (lut == null) continue;
            if (lut->ClaimedBySubgraph == currentSubgraph && lut->ClaimedByNode == currentNode) continue;
            return Errors.Fail(Status.UnsupportedOperator, "input "u8).Append(i).Append(" (tensor "u8).Append(tensorIndex)
                .Append(") is LUT-compressed but this kernel does not decompress it; "u8).Append(DecompressingKernels);
        }
        return Status.Ok;
    }
}
