using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using TfLiteMicro.Schema;
using TfLiteMicro.Tools.FlatBuffers;
using TfLiteMicro.Tools.Models;

namespace TfLiteMicro.Tools.Compression;

/// <summary>What to compress and how.</summary>
public sealed class CompressionOptions
{
    /// <summary>0: lossless only. 2..128: reduce float32/int8/int16 weights to this many values per channel first.</summary>
    public int Cluster { get; init; }

    /// <summary>Only these (subgraph, tensor) pairs; null: every eligible constant tensor.</summary>
    public IReadOnlySet<(int Subgraph, int Tensor)>? Tensors { get; init; }
}

/// <summary>
/// TFLM's LUT compression of a model's constant tensors (what <c>tflm compress</c> does). A tensor is compressed
/// when every operator that reads it decompresses that input in TFLM (FULLY_CONNECTED and CONV_2D /
/// DEPTHWISE_CONV_2D / TRANSPOSE_CONV weights and bias, any CONCATENATION input, ASSIGN_VARIABLE's value), its type
/// is one TFLM decodes, its values fit 128 per channel, and compressing saves bytes. The tensor keeps its type,
/// shape and quantization; its buffer gets the packed indices, a new buffer the value tables, and the model a
/// COMPRESSION_METADATA entry (docs/compression.md). Everything else in the model is copied field by field.
/// </summary>
public static unsafe class ModelCompressor
{
    public const string MetadataName = "COMPRESSION_METADATA";

    private const int ModelBuffersField = 4;
    private const int ModelMetadataField = 6;
    private const int BufferDataField = 0;
    private const int BufferOffsetField = 1;
    private const int BufferDataAlignment = 16;

    private sealed record Plan(int Subgraph, int Tensor, int Buffer, byte[] Packed, byte[] Tables, byte[] ClusteredData, int BitWidth);

    public static CompressionResult Compress(byte[] modelBytes, CompressionOptions options)
    {
        if (options.Cluster != 0 && (options.Cluster < 2 || options.Cluster > LutDecompressionLimits.MaxValuesPerChannel))
            throw new ToolException("--cluster must be between 2 and " + LutDecompressionLimits.MaxValuesPerChannel + ", got " + options.Cluster);
        using var buffer = new ModelBuffer(modelBytes);
        var errors = new ErrorReporter();
        if (buffer.TryLoadModel(errors, out Model model) != Status.Ok) throw new ToolException("malformed model: " + errors.MessageText);
        if (model.TryGetMetadataBuffer(MetadataName, out _)) throw new ToolException("the model is already compressed (it has " + MetadataName + ")");

        int[] bufferUses = CountBufferUses(model);
        var reports = new List<CompressedTensorReport>();
        var plans = new List<Plan>();
        for (int s = 0; s < model.SubgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            bool[] decompressibleOnly = DecompressibleOnlyTensors(model, subgraph);
            for (int t = 0; t < subgraph.TensorCount; t++)
            {
                Tensor tensor = subgraph.GetTensor(t);
                if (model.GetBuffer(tensor.BufferIndex).Length == 0 || tensor.IsVariable) continue;
                if (options.Tensors != null && !options.Tensors.Contains((s, t))) continue;
                if (!decompressibleOnly[t])
                {
                    if (options.Tensors != null) reports.Add(Skipped(s, t, tensor, "read by an operator (or input position) that does not decompress"));
                    continue;
                }
                reports.Add(PlanTensor(model, s, t, tensor, bufferUses, options, plans));
            }
        }

        byte[] compressed = Write(modelBytes, model, plans, compressedForm: true);
        byte[] uncompressed = Write(modelBytes, model, plans, compressedForm: false);
        return new CompressionResult
        {
            CompressedModel = compressed,
            UncompressedModel = uncompressed,
            OriginalFileBytes = modelBytes.Length,
            Tensors = reports,
        };
    }

    /// <summary>True for each tensor all of whose readers decompress it (and that is not a subgraph input or output).</summary>
    private static bool[] DecompressibleOnlyTensors(Model model, SubGraph subgraph)
    {
        bool[] readByDecompressor = new bool[subgraph.TensorCount];
        bool[] readOtherwise = new bool[subgraph.TensorCount];
        for (int i = 0; i < subgraph.Inputs.Count; i++) Mark(readOtherwise, subgraph.Inputs[i]);
        for (int i = 0; i < subgraph.Outputs.Count; i++) Mark(readOtherwise, subgraph.Outputs[i]);
        for (int o = 0; o < subgraph.OperatorCount; o++)
        {
            Operator op = subgraph.GetOperator(o);
            BuiltinOperator code = model.GetOperatorCode(op.OpcodeIndex).BuiltinCode;
            for (int i = 0; i < op.Inputs.Count; i++)
            {
                if (Decompresses(code, i)) Mark(readByDecompressor, op.Inputs[i]);
                else Mark(readOtherwise, op.Inputs[i]);
            }
            for (int i = 0; i < op.Outputs.Count; i++) Mark(readOtherwise, op.Outputs[i]);
            for (int i = 0; i < op.Intermediates.Count; i++) Mark(readOtherwise, op.Intermediates[i]);
        }
        bool[] result = new bool[subgraph.TensorCount];
        for (int t = 0; t < result.Length; t++) result[t] = readByDecompressor[t] && !readOtherwise[t];
        return result;
    }

    private static void Mark(bool[] flags, int tensor)
    {
        if ((uint)tensor < (uint)flags.Length) flags[tensor] = true;
    }

    /// <summary>The operator inputs TFLM's kernels decompress.</summary>
    public static bool Decompresses(BuiltinOperator op, int input) => op switch
    {
        BuiltinOperator.FULLY_CONNECTED or BuiltinOperator.CONV_2D or BuiltinOperator.DEPTHWISE_CONV_2D => input == 1 || input == 2,
        BuiltinOperator.TRANSPOSE_CONV => input == 1 || input == 3,
        BuiltinOperator.CONCATENATION => true,
        BuiltinOperator.ASSIGN_VARIABLE => input == 1,
        _ => false,
    };

    private static int[] CountBufferUses(Model model)
    {
        int[] uses = new int[model.BufferCount];
        for (int s = 0; s < model.SubgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            for (int t = 0; t < subgraph.TensorCount; t++)
            {
                int b = subgraph.GetTensor(t).BufferIndex;
                if ((uint)b < (uint)uses.Length) uses[b]++;
            }
        }
        for (int m = 0; m < model.MetadataCount; m++)
        {
            int b = model.GetMetadata(m).BufferIndex;
            if ((uint)b < (uint)uses.Length) uses[b]++;
        }
        for (int i = 0; i < model.MetadataBufferIndices.Count; i++)
        {
            int b = model.MetadataBufferIndices[i];
            if ((uint)b < (uint)uses.Length) uses[b]++;
        }
        return uses;
    }

    private static CompressedTensorReport PlanTensor(Model model, int s, int t, Tensor tensor, int[] bufferUses,
        CompressionOptions options, List<Plan> plans)
    {
        TensorType type = tensor.Type;
        int elementSize = ElementSize(type);
        if (elementSize == 0) return Skipped(s, t, tensor, "type " + TensorTypes.NameText(type) + " cannot be compressed (FLOAT32, INT8, INT16, INT32, INT64, BOOL can)");
        if (bufferUses[tensor.BufferIndex] != 1) return Skipped(s, t, tensor, "its buffer is shared with another tensor or metadata");

        int[] shape = tensor.Shape.AsSpan().ToArray();
        long elementCount = 1;
        foreach (int d in shape) elementCount *= d;
        ReadOnlySpan<byte> data = model.GetBuffer(tensor.BufferIndex).Bytes;
        if (elementCount <= 0 || data.Length != elementCount * elementSize)
            return Skipped(s, t, tensor, "its buffer holds " + data.Length + " bytes, not " + elementCount + " × " + elementSize);

        int channels = 1;
        bool lastAxis = false;
        if (tensor.HasQuantization && tensor.Quantization.Scale.Count > 1)
        {
            channels = tensor.Quantization.Scale.Count;
            int axis = tensor.Quantization.QuantizedDimension;
            if (axis != 0 && axis != shape.Length - 1) return Skipped(s, t, tensor, "per-channel along axis " + axis + " (only the first or last axis can be)");
            if (shape[axis] != channels) return Skipped(s, t, tensor, channels + " scales for dimension " + axis + " of size " + shape[axis]);
            lastAxis = axis != 0 && shape.Length > 1;
        }

        int count = (int)elementCount;
        int perChannel = count / channels;
        ulong[] values = new ulong[count];
        for (int e = 0; e < count; e++) values[e] = ReadBits(data, e, elementSize);
        int Channel(int e) => lastAxis ? e % channels : e / perChannel;

        bool clustered = false;
        if (options.Cluster > 0 && CanCluster(type))
        {
            var channelMembers = new List<int>[channels];
            for (int c = 0; c < channels; c++) channelMembers[c] = new List<int>(perChannel);
            for (int e = 0; e < count; e++) channelMembers[Channel(e)].Add(e);
            for (int c = 0; c < channels; c++)
            {
                List<int> members = channelMembers[c];
                var numeric = new double[members.Count];
                for (int i = 0; i < numeric.Length; i++) numeric[i] = ToNumber(type, values[members[i]]);
                (double min, double max) = Range(type);
                double[] result = ValueClustering.Cluster(numeric, options.Cluster, type != TensorType.Float32, min, max);
                for (int i = 0; i < numeric.Length; i++)
                {
                    ulong bits = FromNumber(type, result[i]);
                    if (bits != values[members[i]]) clustered = true;
                    values[members[i]] = bits;
                }
            }
        }

        var tables = new List<ulong>[channels];
        for (int c = 0; c < channels; c++) tables[c] = new List<ulong>();
        var lookup = new Dictionary<ulong, int>[channels];
        for (int c = 0; c < channels; c++) lookup[c] = new Dictionary<ulong, int>();
        int[] indices = new int[count];
        for (int e = 0; e < count; e++)
        {
            int c = Channel(e);
            if (!lookup[c].TryGetValue(values[e], out int index))
            {
                index = tables[c].Count;
                tables[c].Add(values[e]);
                lookup[c][values[e]] = index;
            }
            indices[e] = index;
        }
        int stride = 0;
        foreach (List<ulong> table in tables) stride = Math.Max(stride, table.Count);
        if (stride > LutDecompressionLimits.MaxValuesPerChannel)
            return Skipped(s, t, tensor, stride + " distinct values in a channel, more than " + LutDecompressionLimits.MaxValuesPerChannel + " (use --cluster N)");

        int bitWidth = LutPacking.BitWidthFor(stride);
        byte[] packed = LutPacking.Pack(indices, bitWidth);
        byte[] tableBytes = new byte[channels * stride * elementSize];
        for (int c = 0; c < channels; c++)
        {
            for (int i = 0; i < stride; i++)
            {
                // Shorter tables are padded with their first value: never indexed, but every table has one length.
                WriteBits(tableBytes, c * stride + i, elementSize, tables[c][i < tables[c].Count ? i : 0]);
            }
        }
        int originalBytes = data.Length;
        int compressedBytes = packed.Length + tableBytes.Length;
        if (compressedBytes >= originalBytes)
            return Skipped(s, t, tensor, "no saving (" + originalBytes + " bytes, compressed " + compressedBytes + ")");

        byte[] clusteredData = new byte[data.Length];
        for (int e = 0; e < count; e++) WriteBits(clusteredData, e, elementSize, values[e]);
        plans.Add(new Plan(s, t, tensor.BufferIndex, packed, tableBytes, clusteredData, bitWidth));
        return new CompressedTensorReport
        {
            Subgraph = s, Tensor = t, Name = ModelText.ToText(tensor.Name), Type = TensorTypes.NameText(type), Shape = shape,
            Compressed = true, Channels = channels, ChannelIsLastAxis = lastAxis, ValuesPerChannel = stride, BitWidth = bitWidth,
            Clustered = clustered, OriginalBytes = originalBytes, CompressedBytes = compressedBytes,
        };
    }

    private static CompressedTensorReport Skipped(int s, int t, Tensor tensor, string reason) => new CompressedTensorReport
    {
        Subgraph = s, Tensor = t, Name = ModelText.ToText(tensor.Name), Type = TensorTypes.NameText(tensor.Type),
        Shape = tensor.Shape.AsSpan().ToArray(), Compressed = false, SkippedReason = reason,
    };

    /// <summary>The model rewritten with the planned tensors compressed, or (compressedForm false) only clustered.</summary>
    private static byte[] Write(byte[] modelBytes, Model model, List<Plan> plans, bool compressedForm)
    {
        FbTable root;
        try
        {
            root = FlatBufferTreeReader.ReadModel(modelBytes);
        }
        catch (FlatBufferFormatException e)
        {
            throw new ToolException("cannot copy the model: " + e.Message);
        }
        var buffers = new List<FbObject>(((FbTableVector?)root.GetChild(ModelBuffersField))?.Items ?? Array.Empty<FbObject>());
        foreach (FbObject item in buffers)
        {
            byte[]? offset = ((FbTable)item).GetRaw(BufferOffsetField);
            if (offset != null && BinaryPrimitives.ReadUInt64LittleEndian(offset) > 1)
                throw new ToolException("the model keeps buffers outside the FlatBuffer (offset/size, the >2 GB format); not supported");
        }
        if (plans.Count > 0)
        {
            int subgraphCount = 0;
            var entries = new List<(int Subgraph, FbTable Entry)>();
            foreach (Plan plan in plans)
            {
                if (!compressedForm)
                {
                    buffers[plan.Buffer] = DataBuffer(plan.ClusteredData);
                    continue;
                }
                buffers[plan.Buffer] = DataBuffer(plan.Packed);
                buffers.Add(DataBuffer(plan.Tables));
                entries.Add((plan.Subgraph, new FbTable().Scalar(0, plan.Tensor).Scalar(1, (uint)(buffers.Count - 1)).Scalar(2, (byte)plan.BitWidth)));
                subgraphCount = Math.Max(subgraphCount, plan.Subgraph + 1);
            }
            if (compressedForm)
            {
                var subgraphs = new List<FbObject>();
                for (int s = 0; s < subgraphCount; s++)
                {
                    var luts = new List<FbObject>();
                    foreach ((int subgraph, FbTable entry) in entries) if (subgraph == s) luts.Add(entry);
                    subgraphs.Add(new FbTable().Child(0, new FbTableVector(luts)));
                }
                byte[] metadata = FlatBufferWriter.Write(new FbTable().Scalar(0, 1u).Child(1, new FbTableVector(subgraphs)), null);
                buffers.Add(DataBuffer(metadata));
                var metadataEntries = new List<FbObject>(((FbTableVector?)root.GetChild(ModelMetadataField))?.Items ?? Array.Empty<FbObject>());
                metadataEntries.Add(new FbTable().Child(0, new FbString(MetadataName)).Scalar(1, (uint)(buffers.Count - 1)));
                root.Child(ModelMetadataField, new FbTableVector(metadataEntries));
            }
            root.Child(ModelBuffersField, new FbTableVector(buffers));
        }
        return FlatBufferWriter.Write(root, TfLiteSchemaLayout.FileIdentifier);
    }

    private static FbTable DataBuffer(byte[] data) => new FbTable().Child(BufferDataField, FbScalarVector.OfBytes(data, BufferDataAlignment));

    private static int ElementSize(TensorType type) => type switch
    {
        TensorType.Float32 or TensorType.Int32 => 4,
        TensorType.Int8 or TensorType.Bool => 1,
        TensorType.Int16 => 2,
        TensorType.Int64 => 8,
        _ => 0,
    };

    /// <summary>Weights only: biases (int32/int64) and bools are compressed losslessly or not at all.</summary>
    private static bool CanCluster(TensorType type) => type is TensorType.Float32 or TensorType.Int8 or TensorType.Int16;

    private static (double Min, double Max) Range(TensorType type) => type switch
    {
        TensorType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        TensorType.Int16 => (short.MinValue, short.MaxValue),
        _ => (float.MinValue, float.MaxValue),
    };

    private static ulong ReadBits(ReadOnlySpan<byte> data, int element, int size)
    {
        ulong value = 0;
        for (int b = 0; b < size; b++) value |= (ulong)data[element * size + b] << (8 * b);
        return value;
    }

    private static void WriteBits(byte[] data, int element, int size, ulong value)
    {
        for (int b = 0; b < size; b++) data[element * size + b] = (byte)(value >> (8 * b));
    }

    private static double ToNumber(TensorType type, ulong bits) => type switch
    {
        TensorType.Int8 => (sbyte)bits,
        TensorType.Int16 => (short)bits,
        _ => BitConverter.Int32BitsToSingle((int)bits),
    };

    private static ulong FromNumber(TensorType type, double value) => type switch
    {
        TensorType.Int8 => (byte)(sbyte)value,
        TensorType.Int16 => (ushort)(short)value,
        _ => (uint)BitConverter.SingleToInt32Bits((float)value),
    };
}

/// <summary>The runtime's limits, named here so the tool and the interpreter agree (core's LutDecompression).</summary>
internal static class LutDecompressionLimits
{
    public const int MaxValuesPerChannel = TfLiteMicro.Compression.LutDecompression.MaxValuesPerChannel;
}
