using System;
using System.Collections.Generic;
using System.Linq;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Kernels.Tests.Compression;

/// <summary>
/// Test-side LUT compression, written from TFLM's format description (not from our decoder): while a test builds
/// its model, <see cref="AddConstant"/> adds a constant tensor either plain or compressed (packed big-endian
/// indices in the tensor's buffer, a new buffer of value tables, one table per quantization channel along the
/// first or last axis), and <see cref="Finish"/> writes the COMPRESSION_METADATA. Building the same model with
/// compress false and true gives the pair whose outputs must be equal.
/// </summary>
public sealed class LutModelCompression
{
    private readonly TfLiteModelBuilder builder;
    private readonly bool compress;
    private readonly List<(int Subgraph, int Tensor, int ValueBuffer, int Bits)> entries = new();

    public LutModelCompression(TfLiteModelBuilder builder, bool compress)
    {
        this.builder = builder;
        this.compress = compress;
    }

    public int CompressedCount => entries.Count;

    /// <summary>Adds a constant tensor (compressed when this build compresses and <paramref name="compressThis"/>).</summary>
    public int AddConstant(SubgraphBuilder graph, int subgraphIndex, TensorType type, int[] shape, byte[] data,
        float[]? scales = null, long[]? zeroPoints = null, int quantizedDimension = 0, bool compressThis = true)
    {
        if (!compress || !compressThis) return graph.AddTensor(type, shape, data, scales, zeroPoints, quantizedDimension);
        int channels = scales != null && scales.Length > 1 ? scales.Length : 1;
        bool lastAxis = channels > 1 && quantizedDimension == shape.Length - 1 && shape.Length > 1;
        Encode(data, ElementSize(type), channels, lastAxis, out byte[] packed, out byte[] tables, out int bits);
        int tensor = graph.AddTensor(type, shape, packed, scales, zeroPoints, quantizedDimension);
        int valueBuffer = builder.AddBuffer(tables);
        entries.Add((subgraphIndex, tensor, valueBuffer, bits));
        return tensor;
    }

    /// <summary>Adds the COMPRESSION_METADATA (when anything was compressed).</summary>
    public void Finish(int subgraphCount = 1)
    {
        if (entries.Count == 0) return;
        builder.AddMetadata("COMPRESSION_METADATA", Metadata(entries, subgraphCount));
    }

    public static byte[] Metadata(IReadOnlyList<(int Subgraph, int Tensor, int ValueBuffer, int Bits)> entries, int subgraphCount,
        uint schemaVersion = 1)
    {
        var subgraphs = new List<FbObject>();
        for (int s = 0; s < subgraphCount; s++)
        {
            List<FbObject> luts = entries.Where(e => e.Subgraph == s)
                .Select(e => (FbObject)new FbTable().Scalar(0, e.Tensor).Scalar(1, (uint)e.ValueBuffer).Scalar(2, (byte)e.Bits))
                .ToList();
            subgraphs.Add(new FbTable().Child(0, new FbTableVector(luts)));
        }
        return FlatBufferWriter.Write(new FbTable().Scalar(0, schemaVersion).Child(1, new FbTableVector(subgraphs)), null);
    }

    public static int ElementSize(TensorType type) => type switch
    {
        TensorType.Float32 or TensorType.Int32 => 4,
        TensorType.Int16 => 2,
        TensorType.Int64 => 8,
        _ => 1,
    };

    /// <summary>
    /// Distinct values per channel (first-appearance order), tables padded to the longest with their first value,
    /// indices of ceil(log2(longest)) bits (at least 1) packed from the most significant bit of byte 0.
    /// </summary>
    public static void Encode(byte[] data, int elementSize, int channels, bool lastAxis, out byte[] packed, out byte[] tables, out int bits)
    {
        int count = data.Length / elementSize;
        int perChannel = count / channels;
        int Channel(int e) => lastAxis ? e % channels : e / perChannel;
        ulong Value(int e)
        {
            ulong v = 0;
            for (int b = 0; b < elementSize; b++) v |= (ulong)data[e * elementSize + b] << (8 * b);
            return v;
        }

        var distinct = new List<ulong>[channels];
        for (int c = 0; c < channels; c++) distinct[c] = new List<ulong>();
        for (int e = 0; e < count; e++)
        {
            List<ulong> table = distinct[Channel(e)];
            if (!table.Contains(Value(e))) table.Add(Value(e));
        }
        int stride = distinct.Max(t => t.Count);
        bits = 1;
        while ((1 << bits) < stride) bits++;

        tables = new byte[channels * stride * elementSize];
        for (int c = 0; c < channels; c++)
        {
            for (int i = 0; i < stride; i++)
            {
                ulong v = distinct[c][i < distinct[c].Count ? i : 0];
                for (int b = 0; b < elementSize; b++) tables[(c * stride + i) * elementSize + b] = (byte)(v >> (8 * b));
            }
        }

        packed = new byte[(count * bits + 7) / 8];
        for (int e = 0; e < count; e++)
        {
            int index = distinct[Channel(e)].IndexOf(Value(e));
            for (int b = 0; b < bits; b++)
            {
                if (((index >> (bits - 1 - b)) & 1) == 0) continue;
                int bit = e * bits + b;
                packed[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
        }
    }
}
